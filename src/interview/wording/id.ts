/** The interview's own words in id. Awaits review by a native speaker. */
import type { LanguageWording } from "./types";

const wording: LanguageWording = {
  "questions": {
    "age": "Berapa umur Anda?",
    "birth_date": "Kapan tanggal lahir Anda?",
    "worker_type": "Apa jenis pekerjaan Anda?",
    "residency_status": "Apakah Anda warga negara dari negara ini?",
    "monthly_income": "Kira-kira berapa penghasilan Anda dalam sebulan?",
    "covered_by": "Apakah Anda sudah menjadi peserta salah satu dari ini? Centang semua yang sesuai.",
    "receives_pension": "Apakah Anda menerima uang pensiun?",
    "in_poverty_registry": "Apakah keluarga Anda terdaftar dalam data keluarga miskin milik pemerintah?",
    "income_tax_payer": "Apakah Anda membayar pajak penghasilan, atau pernah membayarnya?",
    "has_national_id": "Apakah Anda punya KTP (Kartu Tanda Penduduk)?",
    "sex": "Apakah Anda perempuan atau laki-laki?",
    "is_pregnant": "Apakah Anda sedang hamil?",
    "has_disability": "Apakah Anda memiliki disabilitas?",
    "household_size": "Berapa orang yang tinggal serumah dengan Anda, termasuk Anda?",
    "has_bank_account": "Apakah Anda punya rekening bank atau dompet digital di HP?",
    "region": "Di mana Anda tinggal?",
    "household_monthly_income": "Kira-kira berapa penghasilan seluruh rumah tangga Anda dalam sebulan?",
    "marital_status": "Apakah Anda sudah menikah?",
    "children_count": "Berapa anak di bawah 18 tahun yang Anda asuh?",
    "youngest_child_age": "Berapa umur anak bungsu Anda?"
  },
  "document_questions": {
    "has_national_id": "Apakah Anda punya {document}?"
  },
  "hints": {
    "monthly_income": "Penghasilan Anda sendiri, sebelum dipotong apa pun. Perkiraan kasar saja sudah cukup.",
    "in_poverty_registry": "Misalnya jika petugas sosial pernah datang ke rumah dan mendata keluarga Anda.",
    "income_tax_payer": "Kebanyakan orang yang bekerja di rumah tidak membayar pajak penghasilan.",
    "household_monthly_income": "Penghasilan semua orang digabung, sebelum dipotong apa pun. Perkiraan kasar sudah cukup.",
    "youngest_child_age": "Dalam tahun penuh. Tulis 0 untuk bayi di bawah satu tahun."
  },
  "options": {
    "worker_type": {
      "self_employed": "Saya membuat atau menjual barang saya sendiri",
      "homeworker": "Pedagang, perusahaan, atau perantara membayar saya per potong",
      "employee": "Saya digaji oleh majikan",
      "unpaid_family_worker": "Saya membantu usaha keluarga tanpa dibayar",
      "other": "Pekerjaan lain"
    },
    "residency_status": {
      "citizen": "Ya, saya warga negara",
      "resident": "Tidak, tetapi saya tinggal di sini secara sah",
      "refugee": "Saya pengungsi",
      "other": "Lainnya"
    },
    "sex": {
      "female": "Perempuan",
      "male": "Laki-laki",
      "other": "Lainnya"
    },
    "marital_status": {
      "never_married": "Saya belum pernah menikah",
      "married": "Saya menikah",
      "widowed": "Suami saya sudah meninggal (janda)",
      "divorced_or_separated": "Saya bercerai atau berpisah, atau suami saya pergi"
    }
  },
  "issues": {
    "ambiguous_number": "Maksud Anda {a} atau {b}? Ketuk yang Anda maksud.",
    "required": "Silakan jawab, atau ketuk \"Saya tidak tahu\".",
    "not_an_object": "Jawaban harus berupa kumpulan nama dan nilai.",
    "unknown_fact": "\"{fact}\" bukan pertanyaan dalam pemeriksaan negara ini.",
    "not_yes_no": "Silakan pilih ya atau tidak.",
    "not_a_number": "Silakan tulis angka, misalnya 8000.",
    "not_whole": "Silakan tulis bilangan bulat, tanpa koma desimal.",
    "too_small": "Angka harus paling sedikit {min}.",
    "too_large": "Angka paling banyak {max}.",
    "not_a_date": "Silakan isi tanggal yang benar (hari, bulan, dan tahun).",
    "birth_after_date": "Tanggal lahir tidak boleh setelah {date}.",
    "birth_too_early": "Tanggal lahir ini lebih dari 130 tahun yang lalu.",
    "not_an_option": "Silakan pilih salah satu jawaban yang ditampilkan.",
    "not_a_list": "Silakan centang jawaban yang sesuai, atau \"Tidak ada\".",
    "unknown_codes": "Beberapa jawaban tidak ada di daftar: {codes}.",
    "repeated_code": "Ada jawaban yang dicentang dua kali.",
    "too_long": "Jawaban ini terlalu panjang.",
    "age_birth_mismatch": "Umur Anda ({age}) dan tanggal lahir ({birth_date}) tidak cocok. Berikan salah satu saja.",
    "too_many_issues": "Masih ada masalah lain ({count} seluruhnya); hanya yang pertama ditampilkan."
  }
};

export default wording;
