/**
 * What the member reads for each fact of the common vocabulary: the question, a hint, and the name of each
 * value, in every language of the page. A country's own facts carry their wording in their rule pack
 * (`facts:` in country.yaml). Translations other than English await review by native speakers.
 */
import type { Text } from "../engine/types";

export interface Wording {
  question: Text;
  hint?: Text;
  options?: Record<string, Text>;
}

export const WORDING: Readonly<Record<string, Wording>> = {
  age: {
    question: { en: "How old are you?", sw: "Una umri wa miaka mingapi?", th: "คุณอายุเท่าไร?", fil: "Ilang taon ka na?", hi: "आपकी उम्र कितनी है?", id: "Berapa umur Anda?", ne: "तपाईंको उमेर कति हो?", ur: "آپ کی عمر کتنی ہے؟", bn: "আপনার বয়স কত?" },
  },
  birth_date: {
    question: { en: "What is your date of birth?", sw: "Tarehe yako ya kuzaliwa ni ipi?", th: "คุณเกิดวันที่เท่าไร?", fil: "Kailan ka ipinanganak?", hi: "आपकी जन्म तारीख़ क्या है?", id: "Kapan tanggal lahir Anda?", ne: "तपाईंको जन्म मिति कहिले हो?", ur: "آپ کی تاریخ پیدائش کیا ہے؟", bn: "আপনার জন্মতারিখ কত?" },
  },
  worker_type: {
    question: { en: "What kind of work do you do?", sw: "Unafanya kazi ya aina gani?", th: "คุณทำงานแบบไหน?", fil: "Anong klaseng trabaho ang ginagawa mo?", hi: "आप किस तरह का काम करते हैं?", id: "Apa jenis pekerjaan Anda?", ne: "तपाईं कस्तो काम गर्नुहुन्छ?", ur: "آپ کس طرح کا کام کرتے ہیں؟", bn: "আপনি কী ধরনের কাজ করেন?" },
    options: {
      self_employed: { en: "I make or sell my own goods", sw: "Ninatengeneza au kuuza bidhaa zangu mwenyewe", th: "ฉันทำหรือขายสินค้าของตัวเอง", fil: "Gumagawa o nagbebenta ako ng sarili kong produkto", hi: "अपना सामान खुद बनाना या बेचना", id: "Saya membuat atau menjual barang saya sendiri", ne: "म आफ्नै सामान बनाउँछु वा बेच्छु", ur: "اپنا سامان خود بنانا یا بیچنا", bn: "আমি নিজের জিনিস বানাই বা বিক্রি করি" },
      homeworker: { en: "A trader, company or middleman pays me per piece", sw: "Mfanyabiashara, kampuni au dalali hunilipa kwa kila kipande", th: "พ่อค้า บริษัท หรือคนกลางจ่ายเงินให้ฉันเป็นรายชิ้น", fil: "Binabayaran ako ng negosyante, kompanya o ahente kada piraso", hi: "व्यापारी, कंपनी या बिचौलिया मुझे हर पीस के हिसाब से पैसे देता है", id: "Pedagang, perusahaan, atau perantara membayar saya per potong", ne: "व्यापारी, कम्पनी वा बिचौलियाले मलाई प्रति पिसको हिसाबले पैसा दिन्छ", ur: "کوئی بیوپاری، کمپنی یا ٹھیکیدار مجھے فی پیس کے حساب سے پیسے دیتا ہے", bn: "কোনো ব্যবসায়ী, কোম্পানি বা দালাল আমাকে প্রতি পিস হিসেবে টাকা দেয়" },
      employee: { en: "An employer pays me a wage", sw: "Mwajiri hunilipa mshahara", th: "นายจ้างจ่ายค่าจ้างให้ฉัน", fil: "May amo na nagbabayad sa akin ng sahod", hi: "मालिक मुझे तनख़्वाह या मज़दूरी देता है", id: "Saya digaji oleh majikan", ne: "मालिकले मलाई तलब वा ज्याला दिन्छ", ur: "مالک مجھے تنخواہ یا اجرت دیتا ہے", bn: "মালিক আমাকে বেতন বা মজুরি দেয়" },
      unpaid_family_worker: { en: "I help in a family business without pay", sw: "Ninasaidia katika biashara ya familia bila malipo", th: "ฉันช่วยงานกิจการของครอบครัวโดยไม่ได้รับค่าจ้าง", fil: "Tumutulong ako sa negosyo ng pamilya nang walang bayad", hi: "परिवार के काम-धंधे में बिना पैसे लिए मदद करना", id: "Saya membantu usaha keluarga tanpa dibayar", ne: "म परिवारको व्यवसायमा पैसा नलिई सघाउँछु", ur: "گھر والوں کے کاروبار میں بغیر پیسوں کے مدد کرنا", bn: "আমি পরিবারের ব্যবসায় টাকা ছাড়াই সাহায্য করি" },
      other: { en: "Other work", sw: "Kazi nyingine", th: "งานอื่นๆ", fil: "Ibang trabaho", hi: "कोई और काम", id: "Pekerjaan lain", ne: "अरू काम", ur: "کوئی اور کام", bn: "অন্য কাজ" },
    },
  },
  residency_status: {
    question: { en: "Are you a citizen of this country?", sw: "Je, wewe ni raia wa nchi hii?", th: "คุณมีสัญชาติของประเทศนี้หรือไม่?", fil: "Mamamayan ka ba ng bansang ito?", hi: "क्या आप इस देश के नागरिक हैं?", id: "Apakah Anda warga negara dari negara ini?", ne: "के तपाईं यस देशको नागरिक हुनुहुन्छ?", ur: "کیا آپ اس ملک کے شہری ہیں؟", bn: "আপনি কি এই দেশের নাগরিক?" },
    options: {
      citizen: { en: "Yes, I am a citizen", sw: "Ndiyo, mimi ni raia", th: "ใช่ ฉันมีสัญชาตินี้", fil: "Oo, mamamayan ako", hi: "हाँ, मैं नागरिक हूँ", id: "Ya, saya warga negara", ne: "हो, म नागरिक हुँ", ur: "جی ہاں، میں شہری ہوں", bn: "হ্যাঁ, আমি নাগরিক" },
      resident: { en: "No, but I live here legally", sw: "Hapana, lakini ninaishi hapa kihalali", th: "ไม่ใช่ แต่ฉันอาศัยอยู่ที่นี่อย่างถูกกฎหมาย", fil: "Hindi, pero legal akong nakatira dito", hi: "नहीं, पर मेरे पास यहाँ रहने की क़ानूनी इजाज़त है", id: "Tidak, tetapi saya tinggal di sini secara sah", ne: "होइन, तर म यहाँ कानुनी रूपमा बस्छु", ur: "جی نہیں، لیکن مجھے یہاں رہنے کی قانونی اجازت ہے", bn: "না, তবে আমি এখানে বৈধভাবে থাকি" },
      refugee: { en: "I am a refugee", sw: "Mimi ni mkimbizi", th: "ฉันเป็นผู้ลี้ภัย", fil: "Refugee ako", hi: "मैं शरणार्थी हूँ", id: "Saya pengungsi", ne: "म शरणार्थी हुँ", ur: "میں پناہ گزین ہوں", bn: "আমি শরণার্থী" },
      other: { en: "Other", sw: "Nyingine", th: "อื่นๆ", fil: "Iba pa", hi: "कुछ और", id: "Lainnya", ne: "अरू", ur: "کچھ اور", bn: "অন্যান্য" },
    },
  },
  monthly_income: {
    question: { en: "About how much money do you earn in a month?", sw: "Kwa mwezi, unapata pesa kiasi gani, takriban?", th: "คุณมีรายได้เดือนละประมาณเท่าไร?", fil: "Mga magkano ang kinikita mo sa isang buwan?", hi: "आप महीने में लगभग कितना कमाते हैं?", id: "Kira-kira berapa penghasilan Anda dalam sebulan?", ne: "तपाईं महिनामा लगभग कति पैसा कमाउनुहुन्छ?", ur: "آپ مہینے میں تقریباً کتنے پیسے کماتے ہیں؟", bn: "মাসে আপনি মোটামুটি কত টাকা আয় করেন?" },
    hint: { en: "Your own earnings, before anything is taken off. A rough figure is fine.", sw: "Mapato yako mwenyewe, kabla ya makato yoyote. Makadirio yanatosha.", th: "รายได้ของคุณเอง ก่อนหักอะไรออก ตอบตัวเลขคร่าวๆ ก็ได้", fil: "Ang sarili mong kita, bago may ibawas. Puwede na ang tantiya.", hi: "आपकी अपनी कमाई, कुछ भी कटने से पहले। मोटा-मोटा अंदाज़ा काफ़ी है।", id: "Penghasilan Anda sendiri, sebelum dipotong apa pun. Perkiraan kasar saja sudah cukup.", ne: "तपाईंको आफ्नै कमाइ, केही पनि कटाउनुअघि। अन्दाजी रकम भए पुग्छ।", ur: "آپ کی اپنی کمائی، کچھ بھی کٹنے سے پہلے۔ اندازاً بتا دیں، کافی ہے۔", bn: "আপনার নিজের আয়, কিছু কেটে নেওয়ার আগে। মোটামুটি একটা হিসাব দিলেই চলবে।" },
  },
  covered_by: {
    question: { en: "Are you already a member of any of these? Tick all that apply.", sw: "Je, tayari wewe ni mwanachama wa mojawapo ya hizi? Chagua zote zinazokuhusu.", th: "ตอนนี้คุณเป็นสมาชิกของสิ่งเหล่านี้อยู่แล้วหรือไม่? เลือกทุกข้อที่ใช่", fil: "Miyembro ka na ba ng alinman sa mga ito? Piliin lahat ng totoo sa iyo.", hi: "क्या आप पहले से इनमें से किसी के सदस्य हैं? जो-जो सही हों, सब पर निशान लगाएँ।", id: "Apakah Anda sudah menjadi peserta salah satu dari ini? Centang semua yang sesuai.", ne: "के तपाईं पहिले नै यीमध्ये कुनैको सदस्य हुनुहुन्छ? मिल्ने सबैमा चिन्ह लगाउनुहोस्।", ur: "کیا آپ پہلے سے ان میں سے کسی کے رکن ہیں؟ جو جو درست ہوں، سب پر نشان لگائیں۔", bn: "আপনি কি আগে থেকেই এগুলোর কোনোটির সদস্য? যেগুলো মেলে, সবগুলোতে টিক দিন।" },
  },
  receives_pension: {
    question: { en: "Do you get a pension?", sw: "Je, unapokea pensheni?", th: "คุณได้รับเงินบำนาญหรือไม่?", fil: "Tumatanggap ka ba ng pensyon?", hi: "क्या आपको पेंशन मिलती है?", id: "Apakah Anda menerima uang pensiun?", ne: "के तपाईं पेन्सन पाउनुहुन्छ?", ur: "کیا آپ کو پنشن ملتی ہے؟", bn: "আপনি কি পেনশন পান?" },
  },
  in_poverty_registry: {
    question: { en: "Is your household on the government's list of poor households?", sw: "Je, familia yako iko kwenye orodha ya serikali ya familia maskini?", th: "ครอบครัวของคุณมีชื่ออยู่ในรายชื่อครัวเรือนยากจนของรัฐหรือไม่?", fil: "Kasama ba ang pamilya ninyo sa listahan ng gobyerno ng mahihirap na pamilya?", hi: "क्या आपका परिवार सरकार की ग़रीब परिवारों की सूची में है?", id: "Apakah keluarga Anda terdaftar dalam data keluarga miskin milik pemerintah?", ne: "के तपाईंको परिवार सरकारको गरिब परिवारको सूचीमा छ?", ur: "کیا آپ کا گھرانہ حکومت کی غریب گھرانوں کی فہرست میں ہے؟", bn: "আপনার পরিবার কি সরকারের গরিব পরিবারের তালিকায় আছে?" },
    hint: { en: "For example if a social worker has visited and listed your household.", sw: "Kwa mfano, kama mfanyakazi wa ustawi wa jamii alikuja nyumbani na kuandika familia yako.", th: "เช่น ถ้าเคยมีเจ้าหน้าที่มาเยี่ยมบ้านและจดชื่อครอบครัวของคุณไว้", fil: "Halimbawa, kung may social worker na bumisita at inilista ang pamilya ninyo.", hi: "जैसे, अगर किसी समाज-कल्याण कर्मचारी ने घर आकर आपके परिवार का नाम लिखा हो।", id: "Misalnya jika petugas sosial pernah datang ke rumah dan mendata keluarga Anda.", ne: "जस्तै, कुनै सामाजिक कार्यकर्ता घरमा आएर तपाईंको परिवारको नाम लेखेर लगेको भए।", ur: "مثلاً اگر سماجی بہبود کا کوئی اہلکار آپ کے گھر آیا ہو اور آپ کے گھرانے کا نام لکھا ہو۔", bn: "যেমন, কোনো সমাজকর্মী যদি বাড়িতে এসে আপনার পরিবারের নাম তালিকায় লিখে থাকেন।" },
  },
  income_tax_payer: {
    question: { en: "Do you pay income tax, or have you ever paid it?", sw: "Je, unalipa kodi ya mapato, au umewahi kuilipa?", th: "คุณเสียภาษีเงินได้อยู่ หรือเคยเสียหรือไม่?", fil: "Nagbabayad ka ba ng income tax, o nakapagbayad ka na ba nito dati?", hi: "क्या आप इनकम टैक्स (आयकर) देते हैं, या कभी दिया है?", id: "Apakah Anda membayar pajak penghasilan, atau pernah membayarnya?", ne: "के तपाईं आयकर तिर्नुहुन्छ, वा कहिल्यै तिर्नुभएको छ?", ur: "کیا آپ انکم ٹیکس دیتے ہیں، یا کبھی دیا ہے؟", bn: "আপনি কি আয়কর দেন, বা কখনো দিয়েছেন?" },
    hint: { en: "Most people who work at home do not pay income tax.", sw: "Watu wengi wanaofanya kazi nyumbani hawalipi kodi ya mapato.", th: "คนส่วนใหญ่ที่ทำงานที่บ้านไม่ได้เสียภาษีเงินได้", fil: "Karamihan sa mga nagtatrabaho sa bahay ay hindi nagbabayad ng income tax.", hi: "घर से काम करने वाले ज़्यादातर लोग इनकम टैक्स नहीं देते।", id: "Kebanyakan orang yang bekerja di rumah tidak membayar pajak penghasilan.", ne: "घरमै काम गर्ने धेरैजसो मानिसले आयकर तिर्दैनन्।", ur: "گھر پر کام کرنے والے زیادہ تر لوگ انکم ٹیکس نہیں دیتے۔", bn: "ঘরে বসে কাজ করেন এমন বেশির ভাগ মানুষ আয়কর দেন না।" },
  },
  has_national_id: {
    question: { en: "Do you have a national ID card?", sw: "Je, una kitambulisho cha kitaifa?", th: "คุณมีบัตรประชาชนหรือไม่?", fil: "May national ID ka ba?", hi: "क्या आपके पास राष्ट्रीय पहचान पत्र है?", id: "Apakah Anda punya KTP (Kartu Tanda Penduduk)?", ne: "के तपाईंसँग राष्ट्रिय परिचयपत्र छ?", ur: "کیا آپ کے پاس قومی شناختی کارڈ ہے؟", bn: "আপনার কি জাতীয় পরিচয়পত্র (এনআইডি) আছে?" },
  },
  sex: {
    question: { en: "Are you a woman or a man?", sw: "Wewe ni mwanamke au mwanamume?", th: "คุณเป็นผู้หญิงหรือผู้ชาย?", fil: "Babae ka ba o lalaki?", hi: "आप महिला हैं या पुरुष?", id: "Apakah Anda perempuan atau laki-laki?", ne: "तपाईं महिला हुनुहुन्छ कि पुरुष?", ur: "آپ خاتون ہیں یا مرد؟", bn: "আপনি নারী না পুরুষ?" },
    options: {
      female: { en: "Woman", sw: "Mwanamke", th: "ผู้หญิง", fil: "Babae", hi: "महिला", id: "Perempuan", ne: "महिला", ur: "خاتون", bn: "নারী" },
      male: { en: "Man", sw: "Mwanamume", th: "ผู้ชาย", fil: "Lalaki", hi: "पुरुष", id: "Laki-laki", ne: "पुरुष", ur: "مرد", bn: "পুরুষ" },
      other: { en: "Other", sw: "Nyingine", th: "อื่นๆ", fil: "Iba pa", hi: "अन्य", id: "Lainnya", ne: "अन्य", ur: "دیگر", bn: "অন্যান্য" },
    },
  },
  is_pregnant: {
    question: { en: "Are you pregnant?", sw: "Je, wewe ni mjamzito?", th: "คุณกำลังตั้งครรภ์อยู่หรือไม่?", fil: "Buntis ka ba?", hi: "क्या आप गर्भवती हैं?", id: "Apakah Anda sedang hamil?", ne: "के तपाईं गर्भवती हुनुहुन्छ?", ur: "کیا آپ حاملہ ہیں؟", bn: "আপনি কি গর্ভবতী?" },
  },
  has_disability: {
    question: { en: "Do you have a disability?", sw: "Je, una ulemavu?", th: "คุณมีความพิการหรือไม่?", fil: "May kapansanan ka ba?", hi: "क्या आपको कोई विकलांगता है?", id: "Apakah Anda memiliki disabilitas?", ne: "के तपाईंलाई कुनै अपाङ्गता छ?", ur: "کیا آپ کو کوئی معذوری ہے؟", bn: "আপনার কি কোনো প্রতিবন্ধিতা আছে?" },
  },
  household_size: {
    question: { en: "How many people live in your household, with you?", sw: "Watu wangapi wanaishi nyumbani kwako, pamoja na wewe?", th: "บ้านของคุณมีคนอยู่กี่คน รวมตัวคุณด้วย?", fil: "Ilan kayong nakatira sa bahay, kasama ka?", hi: "आपको मिलाकर आपके घर में कितने लोग रहते हैं?", id: "Berapa orang yang tinggal serumah dengan Anda, termasuk Anda?", ne: "तपाईंलाई पनि गनेर, तपाईंको घरमा कति जना बस्छन्?", ur: "آپ کو ملا کر آپ کے گھر میں کتنے لوگ رہتے ہیں؟", bn: "আপনাকে ধরে আপনার বাড়িতে কতজন থাকেন?" },
  },
  has_bank_account: {
    question: { en: "Do you have a bank account or a mobile money account?", sw: "Je, una akaunti ya benki au akaunti ya pesa kwa simu?", th: "คุณมีบัญชีธนาคาร หรือบัญชีเงินบนมือถือหรือไม่?", fil: "May bank account ka ba o account sa mobile money (e-wallet)?", hi: "क्या आपके पास बैंक खाता या मोबाइल वॉलेट खाता है?", id: "Apakah Anda punya rekening bank atau dompet digital di HP?", ne: "के तपाईंसँग बैंक खाता वा मोबाइल वालेट खाता छ?", ur: "کیا آپ کے پاس بینک اکاؤنٹ یا موبائل اکاؤنٹ (موبائل والیٹ) ہے؟", bn: "আপনার কি ব্যাংক অ্যাকাউন্ট বা মোবাইল ব্যাংকিং অ্যাকাউন্ট আছে?" },
  },
  region: {
    question: { en: "Where do you live?", sw: "Unaishi wapi?", th: "คุณอาศัยอยู่ที่ไหน?", fil: "Saan ka nakatira?", hi: "आप कहाँ रहते हैं?", id: "Di mana Anda tinggal?", ne: "तपाईं कहाँ बस्नुहुन्छ?", ur: "آپ کہاں رہتے ہیں؟", bn: "আপনি কোথায় থাকেন?" },
  },
  household_monthly_income: {
    question: { en: "About how much money does your whole household earn in a month?", sw: "Kwa mwezi, familia yako yote inapata pesa kiasi gani, takriban?", th: "ครอบครัวของคุณทั้งหมดมีรายได้ประมาณเดือนละเท่าไร", fil: "Mga magkano ang kinikita ng buong sambahayan ninyo sa isang buwan?", hi: "आपके पूरे परिवार की महीने में लगभग कितनी कमाई होती है?", id: "Kira-kira berapa penghasilan seluruh rumah tangga Anda dalam sebulan?", ne: "तपाईंको पूरै परिवारले महिनामा करिब कति कमाउँछ?", ur: "آپ کے پورے گھرانے کی مہینے میں تقریباً کتنی آمدنی ہوتی ہے؟", bn: "আপনার পুরো পরিবার মাসে মোটামুটি কত টাকা আয় করে?" },
    hint: { en: "Everyone's earnings together, before anything is taken off. A rough figure is fine.", sw: "Mapato ya kila mtu kwa pamoja, kabla ya makato yoyote. Makadirio yanatosha.", th: "รายได้ของทุกคนรวมกัน ก่อนหักค่าใช้จ่ายใดๆ ตัวเลขคร่าวๆ ก็ได้", fil: "Pinagsamang kita ng lahat, bago may ibawas. Puwede ang tantiya.", hi: "सबकी कमाई मिलाकर, कुछ भी कटने से पहले। मोटा अंदाज़ा काफ़ी है।", id: "Penghasilan semua orang digabung, sebelum dipotong apa pun. Perkiraan kasar sudah cukup.", ne: "सबैको कमाइ जोडेर, केही कटौती हुनुअघि। अन्दाजी रकम भए पुग्छ।", ur: "سب کی کمائی ملا کر، کچھ کٹنے سے پہلے۔ اندازاً رقم کافی ہے۔", bn: "সবার আয় একসাথে, কিছু কাটার আগে। আনুমানিক হিসাব দিলেই চলবে।" },
  },
  marital_status: {
    question: { en: "Are you married?", sw: "Je, umeolewa?", th: "คุณแต่งงานแล้วหรือไม่", fil: "Kasal ka ba?", hi: "क्या आप विवाहित हैं?", id: "Apakah Anda sudah menikah?", ne: "के तपाईं विवाहित हुनुहुन्छ?", ur: "کیا آپ شادی شدہ ہیں؟", bn: "আপনি কি বিবাহিত?" },
    options: {
      never_married: { en: "I have never been married", sw: "Sijawahi kuolewa", th: "ไม่เคยแต่งงาน", fil: "Hindi pa ako nakapag-asawa", hi: "मेरी कभी शादी नहीं हुई", id: "Saya belum pernah menikah", ne: "मेरो कहिल्यै विवाह भएको छैन", ur: "میری کبھی شادی نہیں ہوئی", bn: "আমার কখনো বিয়ে হয়নি" },
      married: { en: "I am married", sw: "Nimeolewa", th: "แต่งงานแล้ว", fil: "Kasal ako", hi: "मैं विवाहित हूँ", id: "Saya menikah", ne: "म विवाहित हुँ", ur: "میں شادی شدہ ہوں", bn: "আমি বিবাহিত" },
      widowed: { en: "My husband has died (widow)", sw: "Mume wangu amefariki (mjane)", th: "สามีเสียชีวิตแล้ว (หม้าย)", fil: "Patay na ang asawa ko (balo)", hi: "मेरे पति का देहांत हो गया है (विधवा)", id: "Suami saya sudah meninggal (janda)", ne: "मेरो श्रीमानको मृत्यु भइसकेको छ (विधवा)", ur: "میرے شوہر فوت ہو چکے ہیں (بیوہ)", bn: "আমার স্বামী মারা গেছেন (বিধবা)" },
      divorced_or_separated: { en: "I am divorced or separated, or my husband has left", sw: "Nimetalikiwa au tumetengana, au mume wangu ameondoka", th: "หย่าร้างหรือแยกกันอยู่ หรือสามีทิ้งไป", fil: "Hiwalay ako, o iniwan ako ng asawa ko", hi: "मेरा तलाक हो गया है, या हम अलग रहते हैं, या पति छोड़ गए हैं", id: "Saya bercerai atau berpisah, atau suami saya pergi", ne: "मेरो सम्बन्धविच्छेद भएको छ वा हामी छुट्टिएका छौं, वा श्रीमानले छोडेर गएका छन्", ur: "میری طلاق ہو چکی ہے یا ہم الگ رہتے ہیں، یا شوہر چھوڑ گئے ہیں", bn: "আমার তালাক হয়েছে বা আমরা আলাদা থাকি, বা স্বামী চলে গেছেন" },
    },
  },
  children_count: {
    question: { en: "How many children under 18 do you look after?", sw: "Unawatunza watoto wangapi walio chini ya miaka 18?", th: "คุณดูแลเด็กอายุต่ำกว่า 18 ปีกี่คน", fil: "Ilang batang wala pang 18 taong gulang ang inaalagaan mo?", hi: "आप 18 साल से कम उम्र के कितने बच्चों की देखभाल करती हैं?", id: "Berapa anak di bawah 18 tahun yang Anda asuh?", ne: "तपाईं १८ वर्षमुनिका कति जना बच्चाको हेरचाह गर्नुहुन्छ?", ur: "آپ 18 سال سے کم عمر کے کتنے بچوں کی دیکھ بھال کرتی ہیں؟", bn: "আপনি ১৮ বছরের কম বয়সী কতজন শিশুর দেখাশোনা করেন?" },
  },
  youngest_child_age: {
    question: { en: "How old is your youngest child?", sw: "Mtoto wako mdogo kabisa ana umri gani?", th: "ลูกคนเล็กของคุณอายุเท่าไร", fil: "Ilang taon na ang bunso mong anak?", hi: "आपका सबसे छोटा बच्चा कितने साल का है?", id: "Berapa umur anak bungsu Anda?", ne: "तपाईंको सबैभन्दा सानो बच्चा कति वर्षको छ?", ur: "آپ کا سب سے چھوٹا بچہ کتنے سال کا ہے؟", bn: "আপনার সবচেয়ে ছোট সন্তানের বয়স কত?" },
    hint: { en: "In whole years. Write 0 for a baby under one year.", sw: "Kwa miaka kamili. Andika 0 kwa mtoto mchanga chini ya mwaka mmoja.", th: "เป็นปีเต็ม ถ้าเป็นทารกอายุไม่ถึงหนึ่งปี ให้ใส่ 0", fil: "Sa buong taon. Isulat ang 0 kung sanggol na wala pang isang taon.", hi: "पूरे सालों में। एक साल से छोटे बच्चे के लिए 0 लिखें।", id: "Dalam tahun penuh. Tulis 0 untuk bayi di bawah satu tahun.", ne: "पूरा वर्षमा। एक वर्षभन्दा सानो बच्चाका लागि ० लेख्नुहोस्।", ur: "پورے سالوں میں۔ ایک سال سے کم عمر بچے کے لیے 0 لکھیں۔", bn: "পূর্ণ বছরে। এক বছরের কম বয়সী শিশুর জন্য ০ লিখুন।" },
  },
};
