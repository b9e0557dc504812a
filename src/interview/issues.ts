/**
 * Problems with a member's answers, as data first: a code and its parameters (`{ path: ["facts", "age"],
 * code: "too_large", params: { max: 130 } }`). Each channel renders them in the reader's language with
 * `issueText`: the page, the API (in the request's language), a CSV row report, a USSD screen.
 */
import type { Lang, Text } from "../engine/types";

export const ISSUE_CODES = [
  "required",
  "not_an_object",
  "unknown_fact",
  "not_yes_no",
  "not_a_number",
  "not_whole",
  "too_small",
  "too_large",
  "not_a_date",
  "birth_after_date",
  "birth_too_early",
  "not_an_option",
  "not_a_list",
  "unknown_codes",
  "repeated_code",
  "too_long",
  "age_birth_mismatch",
  "too_many_issues",
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export type IssueParams = Record<string, string | number>;

export interface FactIssue {
  /** Path of the offending field, e.g. `["facts", "monthly_income"]`. */
  path: (string | number)[];
  code: IssueCode;
  params?: IssueParams;
}

/**
 * Sentences for each code, to a member who typed or tapped an answer. `{name}` is filled from the issue's
 * params. Translations other than English await review by native speakers.
 */
const MESSAGES: Record<IssueCode, Text> = {
  required: {
    en: "Please give an answer, or tap \"I don't know\".",
    sw: "Tafadhali toa jibu, au gusa \"Sijui\".",
    th: "โปรดตอบคำถาม หรือแตะ \"ไม่ทราบ\"",
    fil: "Pakisagot, o pindutin ang \"Hindi ko alam\".",
    hi: "कृपया जवाब दें, या \"मुझे नहीं पता\" दबाएँ।",
    id: "Silakan jawab, atau ketuk \"Saya tidak tahu\".",
    ne: "कृपया जवाफ दिनुहोस्, वा \"मलाई थाहा छैन\" थिच्नुहोस्।",
    ur: "براہ کرم جواب دیں، یا \"مجھے نہیں معلوم\" دبائیں۔",
    bn: "অনুগ্রহ করে উত্তর দিন, অথবা \"আমি জানি না\" চাপুন।",
  },
  not_an_object: {
    en: "The answers must be a set of fact names and values.",
    sw: "Majibu lazima yawe orodha ya majina na thamani.",
    th: "คำตอบต้องเป็นชุดของชื่อข้อมูลและค่า",
    fil: "Ang mga sagot ay dapat listahan ng mga pangalan at halaga.",
    hi: "जवाब नामों और मानों का समूह होने चाहिए।",
    id: "Jawaban harus berupa kumpulan nama dan nilai.",
    ne: "जवाफहरू नाम र मानहरूको समूह हुनुपर्छ।",
    ur: "جوابات ناموں اور قدروں کا مجموعہ ہونے چاہییں۔",
    bn: "উত্তরগুলো নাম ও মানের একটি সমষ্টি হতে হবে।",
  },
  unknown_fact: {
    en: "\"{fact}\" is not a question of this country's check.",
    sw: "\"{fact}\" si swali la ukaguzi wa nchi hii.",
    th: "\"{fact}\" ไม่ใช่คำถามของการตรวจสอบในประเทศนี้",
    fil: "Ang \"{fact}\" ay hindi tanong sa pagsusuri ng bansang ito.",
    hi: "\"{fact}\" इस देश की जाँच का सवाल नहीं है।",
    id: "\"{fact}\" bukan pertanyaan dalam pemeriksaan negara ini.",
    ne: "\"{fact}\" यस देशको जाँचको प्रश्न होइन।",
    ur: "\"{fact}\" اس ملک کی جانچ کا سوال نہیں ہے۔",
    bn: "\"{fact}\" এই দেশের যাচাইয়ের প্রশ্ন নয়।",
  },
  not_yes_no: {
    en: "Please choose yes or no.",
    sw: "Tafadhali chagua ndiyo au hapana.",
    th: "โปรดเลือก ใช่ หรือ ไม่ใช่",
    fil: "Pakipili ang oo o hindi.",
    hi: "कृपया हाँ या नहीं चुनें।",
    id: "Silakan pilih ya atau tidak.",
    ne: "कृपया हो वा होइन छान्नुहोस्।",
    ur: "براہ کرم ہاں یا نہیں چنیں۔",
    bn: "অনুগ্রহ করে হ্যাঁ বা না বেছে নিন।",
  },
  not_a_number: {
    en: "Please write a number, for example 8000.",
    sw: "Tafadhali andika namba, kwa mfano 8000.",
    th: "โปรดใส่ตัวเลข เช่น 8000",
    fil: "Pakisulat ang numero, halimbawa 8000.",
    hi: "कृपया एक संख्या लिखें, जैसे 8000।",
    id: "Silakan tulis angka, misalnya 8000.",
    ne: "कृपया एउटा अङ्क लेख्नुहोस्, जस्तै ८०००।",
    ur: "براہ کرم کوئی عدد لکھیں، مثلاً 8000۔",
    bn: "অনুগ্রহ করে একটি সংখ্যা লিখুন, যেমন ৮০০০।",
  },
  not_whole: {
    en: "Please write a whole number, without a decimal point.",
    sw: "Tafadhali andika namba kamili, bila nukta.",
    th: "โปรดใส่จำนวนเต็ม ไม่มีทศนิยม",
    fil: "Pakisulat ang buong numero, walang decimal.",
    hi: "कृपया पूरी संख्या लिखें, दशमलव के बिना।",
    id: "Silakan tulis bilangan bulat, tanpa koma desimal.",
    ne: "कृपया दशमलवबिनाको पूर्ण अङ्क लेख्नुहोस्।",
    ur: "براہ کرم پورا عدد لکھیں، اعشاریہ کے بغیر۔",
    bn: "অনুগ্রহ করে দশমিক ছাড়া পূর্ণ সংখ্যা লিখুন।",
  },
  too_small: {
    en: "The number must be at least {min}.",
    sw: "Namba lazima iwe angalau {min}.",
    th: "ตัวเลขต้องไม่น้อยกว่า {min}",
    fil: "Ang numero ay dapat hindi bababa sa {min}.",
    hi: "संख्या कम से कम {min} होनी चाहिए।",
    id: "Angka harus paling sedikit {min}.",
    ne: "अङ्क कम्तीमा {min} हुनुपर्छ।",
    ur: "عدد کم از کم {min} ہونا چاہیے۔",
    bn: "সংখ্যাটি কমপক্ষে {min} হতে হবে।",
  },
  too_large: {
    en: "The number must be at most {max}.",
    sw: "Namba lazima isizidi {max}.",
    th: "ตัวเลขต้องไม่เกิน {max}",
    fil: "Ang numero ay dapat hindi hihigit sa {max}.",
    hi: "संख्या ज़्यादा से ज़्यादा {max} हो सकती है।",
    id: "Angka paling banyak {max}.",
    ne: "अङ्क बढीमा {max} हुनुपर्छ।",
    ur: "عدد زیادہ سے زیادہ {max} ہو سکتا ہے۔",
    bn: "সংখ্যাটি সর্বোচ্চ {max} হতে পারে।",
  },
  not_a_date: {
    en: "Please give a real date (day, month and year).",
    sw: "Tafadhali toa tarehe halisi (siku, mwezi na mwaka).",
    th: "โปรดใส่วันที่ที่มีอยู่จริง (วัน เดือน ปี)",
    fil: "Pakibigay ang tamang petsa (araw, buwan at taon).",
    hi: "कृपया सही तारीख़ दें (दिन, महीना और साल)।",
    id: "Silakan isi tanggal yang benar (hari, bulan, dan tahun).",
    ne: "कृपया सही मिति दिनुहोस् (दिन, महिना र वर्ष)।",
    ur: "براہ کرم درست تاریخ دیں (دن، مہینہ اور سال)۔",
    bn: "অনুগ্রহ করে সঠিক তারিখ দিন (দিন, মাস ও বছর)।",
  },
  birth_after_date: {
    en: "A date of birth cannot be after {date}.",
    sw: "Tarehe ya kuzaliwa haiwezi kuwa baada ya {date}.",
    th: "วันเกิดต้องไม่อยู่หลังวันที่ {date}",
    fil: "Hindi maaaring lampas sa {date} ang petsa ng kapanganakan.",
    hi: "जन्म तारीख़ {date} के बाद की नहीं हो सकती।",
    id: "Tanggal lahir tidak boleh setelah {date}.",
    ne: "जन्म मिति {date} पछिको हुन सक्दैन।",
    ur: "تاریخ پیدائش {date} کے بعد کی نہیں ہو سکتی۔",
    bn: "জন্মতারিখ {date}-এর পরে হতে পারে না।",
  },
  birth_too_early: {
    en: "This date of birth is more than 130 years ago.",
    sw: "Tarehe hii ya kuzaliwa ni zaidi ya miaka 130 iliyopita.",
    th: "วันเกิดนี้เกิน 130 ปีมาแล้ว",
    fil: "Ang petsang ito ay higit 130 taon na ang nakalipas.",
    hi: "यह जन्म तारीख़ 130 साल से भी पहले की है।",
    id: "Tanggal lahir ini lebih dari 130 tahun yang lalu.",
    ne: "यो जन्म मिति १३० वर्षभन्दा पहिलेको हो।",
    ur: "یہ تاریخ پیدائش 130 سال سے بھی پہلے کی ہے۔",
    bn: "এই জন্মতারিখ ১৩০ বছরেরও আগের।",
  },
  not_an_option: {
    en: "Please choose one of the answers shown.",
    sw: "Tafadhali chagua moja ya majibu yaliyoonyeshwa.",
    th: "โปรดเลือกหนึ่งในคำตอบที่แสดง",
    fil: "Pakipili ang isa sa mga sagot na nakalista.",
    hi: "कृपया दिखाए गए जवाबों में से एक चुनें।",
    id: "Silakan pilih salah satu jawaban yang ditampilkan.",
    ne: "कृपया देखाइएका जवाफमध्ये एउटा छान्नुहोस्।",
    ur: "براہ کرم دکھائے گئے جوابات میں سے ایک چنیں۔",
    bn: "অনুগ্রহ করে দেখানো উত্তরগুলোর একটি বেছে নিন।",
  },
  not_a_list: {
    en: "Please tick the answers that apply, or \"None of these\".",
    sw: "Tafadhali chagua majibu yanayokuhusu, au \"Hakuna kati ya hivi\".",
    th: "โปรดเลือกคำตอบที่ตรงกับคุณ หรือ \"ไม่มีข้อใดเลย\"",
    fil: "Pakitsek ang mga sagot na akma, o \"Wala sa mga ito\".",
    hi: "कृपया जो लागू हों वे चुनें, या \"इनमें से कोई नहीं\"।",
    id: "Silakan centang jawaban yang sesuai, atau \"Tidak ada\".",
    ne: "कृपया लागू हुने जवाफ छान्नुहोस्, वा \"यीमध्ये कुनै पनि होइन\"।",
    ur: "براہ کرم جو لاگو ہوں وہ چنیں، یا \"ان میں سے کوئی نہیں\"۔",
    bn: "অনুগ্রহ করে যেগুলো প্রযোজ্য সেগুলো বেছে নিন, অথবা \"এগুলোর কোনোটিই নয়\"।",
  },
  unknown_codes: {
    en: "Some answers are not on the list: {codes}.",
    sw: "Baadhi ya majibu hayapo kwenye orodha: {codes}.",
    th: "คำตอบบางข้อไม่อยู่ในรายการ: {codes}",
    fil: "May mga sagot na wala sa listahan: {codes}.",
    hi: "कुछ जवाब सूची में नहीं हैं: {codes}।",
    id: "Beberapa jawaban tidak ada di daftar: {codes}.",
    ne: "केही जवाफ सूचीमा छैनन्: {codes}।",
    ur: "کچھ جوابات فہرست میں نہیں ہیں: {codes}۔",
    bn: "কিছু উত্তর তালিকায় নেই: {codes}।",
  },
  repeated_code: {
    en: "An answer is ticked twice.",
    sw: "Jibu moja limechaguliwa mara mbili.",
    th: "มีคำตอบที่เลือกซ้ำ",
    fil: "May sagot na dalawang beses na-tsek.",
    hi: "एक जवाब दो बार चुना गया है।",
    id: "Ada jawaban yang dicentang dua kali.",
    ne: "एउटा जवाफ दुई पटक छानिएको छ।",
    ur: "ایک جواب دو بار چنا گیا ہے۔",
    bn: "একটি উত্তর দুবার বেছে নেওয়া হয়েছে।",
  },
  too_long: {
    en: "This answer is too long.",
    sw: "Jibu hili ni refu mno.",
    th: "คำตอบนี้ยาวเกินไป",
    fil: "Masyadong mahaba ang sagot na ito.",
    hi: "यह जवाब बहुत लंबा है।",
    id: "Jawaban ini terlalu panjang.",
    ne: "यो जवाफ धेरै लामो छ।",
    ur: "یہ جواب بہت لمبا ہے۔",
    bn: "এই উত্তরটি খুব লম্বা।",
  },
  age_birth_mismatch: {
    en: "Your age ({age}) and your date of birth ({birth_date}) do not agree. Please give only one of them.",
    sw: "Umri wako ({age}) na tarehe yako ya kuzaliwa ({birth_date}) havilingani. Tafadhali toa kimoja tu.",
    th: "อายุ ({age}) และวันเกิด ({birth_date}) ไม่ตรงกัน โปรดให้เพียงอย่างเดียว",
    fil: "Hindi magkatugma ang edad mo ({age}) at petsa ng kapanganakan ({birth_date}). Isa lang ang ibigay.",
    hi: "आपकी उम्र ({age}) और जन्म तारीख़ ({birth_date}) मेल नहीं खाते। कृपया इनमें से एक ही दें।",
    id: "Umur Anda ({age}) dan tanggal lahir ({birth_date}) tidak cocok. Berikan salah satu saja.",
    ne: "तपाईंको उमेर ({age}) र जन्म मिति ({birth_date}) मिल्दैनन्। कृपया एउटा मात्र दिनुहोस्।",
    ur: "آپ کی عمر ({age}) اور تاریخ پیدائش ({birth_date}) آپس میں نہیں ملتیں۔ براہ کرم ان میں سے ایک ہی دیں۔",
    bn: "আপনার বয়স ({age}) আর জন্মতারিখ ({birth_date}) মিলছে না। অনুগ্রহ করে একটিই দিন।",
  },
  too_many_issues: {
    en: "There are more problems ({count} in all); only the first ones are listed.",
    sw: "Kuna matatizo zaidi ({count} kwa jumla); ya kwanza tu ndiyo yameorodheshwa.",
    th: "มีปัญหามากกว่านี้ (ทั้งหมด {count} ข้อ) แสดงเฉพาะข้อแรกๆ",
    fil: "May iba pang problema ({count} lahat); ang mga una lang ang nakalista.",
    hi: "और भी समस्याएँ हैं (कुल {count}); केवल पहली कुछ दिखाई गई हैं।",
    id: "Masih ada masalah lain ({count} seluruhnya); hanya yang pertama ditampilkan.",
    ne: "अरू समस्या पनि छन् (जम्मा {count}); पहिलाका मात्र देखाइएका छन्।",
    ur: "مزید مسائل ہیں (کل {count})؛ صرف پہلے چند دکھائے گئے ہیں۔",
    bn: "আরও সমস্যা আছে (মোট {count}টি); শুধু প্রথমগুলো দেখানো হলো।",
  },
};

/**
 * The issue as a sentence in `lang` (English when the language has no translation).
 * @example issueText({ path: ["facts", "age"], code: "too_large", params: { max: 130 } }, "sw") // "Namba lazima isizidi 130."
 */
export function issueText(issue: Pick<FactIssue, "code" | "params">, lang: Lang): string {
  const t = MESSAGES[issue.code];
  const template = t[lang] ?? t.en;
  const params = issue.params ?? {};
  return template.replace(/\{([a-z_]+)\}/g, (m, k: string) => (Object.hasOwn(params, k) ? String(params[k]) : m));
}
