import { sql, type Kysely } from 'kysely';

/**
 * Glocal's taxonomy of migration and local development services (HSDS taxonomy + terms, with
 * names and descriptions in the five locales). Ids are name-based UUIDs (v5 layout, SHA-1 of the
 * code), so every instance shares them. Each term names the Open Eligibility category it maps to
 * (stored in HSDS `attribute`-free form: the term's `taxonomy` column; see docs/decisions.md).
 */
export const TAXONOMY_ID = '16cbc1a4-d06d-5de2-84a6-d0cf38ec44ab';

type Names = Record<'en' | 'fr' | 'es' | 'it' | 'ar', [string, string]>;
const TERMS: [id: string, code: string, parentId: string | null, openEligibility: string, names: Names][] = [
    ['bcc07c1f-f715-55c0-8612-122d12300873', 'FIN', null, "Money", {
      en: ["Finance", "Saving, borrowing, sending and protecting money."],
      fr: ["Finance", "Épargner, emprunter, envoyer et protéger son argent."],
      es: ["Finanzas", "Ahorrar, pedir prestado, enviar y proteger el dinero."],
      it: ["Finanza", "Risparmiare, prendere in prestito, inviare e proteggere il denaro."],
      ar: ["التمويل", "الادخار والاقتراض وتحويل الأموال وحمايتها."],
    }],
    ['518a2ef2-10af-5acc-b825-c292095e7412', 'FIN-SAV', 'bcc07c1f-f715-55c0-8612-122d12300873', "Money > Savings Accounts", {
      en: ["Savings", "Savings accounts and schemes, including savings from remittances."],
      fr: ["Épargne", "Comptes et plans d'épargne, y compris l'épargne issue des transferts."],
      es: ["Ahorro", "Cuentas y planes de ahorro, incluido el ahorro de las remesas."],
      it: ["Risparmio", "Conti e piani di risparmio, anche a partire dalle rimesse."],
      ar: ["الادخار", "حسابات وخطط الادخار، بما فيها الادخار من التحويلات."],
    }],
    ['0d6abe03-d040-5ade-9a0b-aa64f30488a5', 'FIN-CRD', 'bcc07c1f-f715-55c0-8612-122d12300873', "Money > Loans", {
      en: ["Credit and micro-credit", "Loans for households and small businesses, micro-credit included."],
      fr: ["Crédit et microcrédit", "Prêts aux ménages et aux petites entreprises, microcrédit compris."],
      es: ["Crédito y microcrédito", "Préstamos para hogares y pequeñas empresas, microcrédito incluido."],
      it: ["Credito e microcredito", "Prestiti a famiglie e piccole imprese, microcredito compreso."],
      ar: ["القروض والقروض الصغيرة", "قروض للأسر والمشاريع الصغيرة، ومنها القروض الصغيرة."],
    }],
    ['df31817a-fa4b-5ced-bdfc-0731a7841dca', 'FIN-MTR', 'bcc07c1f-f715-55c0-8612-122d12300873', "Money > Money Transfer", {
      en: ["Money transfer", "Sending money home: transfer operators, banks and mobile money."],
      fr: ["Transfert d'argent", "Envoyer de l'argent au pays : opérateurs de transfert, banques, argent mobile."],
      es: ["Envío de dinero", "Enviar dinero al país: remesadoras, bancos y dinero móvil."],
      it: ["Trasferimento di denaro", "Inviare denaro a casa: operatori di trasferimento, banche, denaro mobile."],
      ar: ["تحويل الأموال", "إرسال الأموال إلى البلد: شركات التحويل والبنوك والمال عبر الهاتف."],
    }],
    ['eb55d4fa-a2eb-5ee4-aefa-980cf9a11cb8', 'FIN-INS', 'bcc07c1f-f715-55c0-8612-122d12300873', "Money > Insurance", {
      en: ["Insurance and micro-insurance", "Cover for health, life, property and business, micro-insurance included."],
      fr: ["Assurance et micro-assurance", "Couverture santé, vie, biens et activité, micro-assurance comprise."],
      es: ["Seguros y microseguros", "Cobertura de salud, vida, bienes y negocio, microseguros incluidos."],
      it: ["Assicurazione e microassicurazione", "Copertura salute, vita, beni e attività, microassicurazione compresa."],
      ar: ["التأمين والتأمين الأصغر", "تغطية الصحة والحياة والممتلكات والنشاط، ومنها التأمين الأصغر."],
    }],
    ['c716d002-15eb-5993-a02e-4dd2e52fcea9', 'FIN-LIT', 'bcc07c1f-f715-55c0-8612-122d12300873', "Education > Financial Education", {
      en: ["Financial literacy", "Learning to budget, save, borrow and compare transfer costs."],
      fr: ["Éducation financière", "Apprendre à budgéter, épargner, emprunter et comparer les frais de transfert."],
      es: ["Educación financiera", "Aprender a presupuestar, ahorrar, pedir prestado y comparar costes de envío."],
      it: ["Educazione finanziaria", "Imparare a gestire il bilancio, risparmiare, chiedere prestiti e confrontare i costi di invio."],
      ar: ["التثقيف المالي", "تعلّم إعداد الميزانية والادخار والاقتراض ومقارنة تكاليف التحويل."],
    }],
    ['64777619-98b3-56ab-8e64-10e1a8c38a7c', 'BDS', null, "Work > Business Development", {
      en: ["Business development", "Help to start, formalise and grow an enterprise."],
      fr: ["Développement d'entreprise", "Aide pour créer, formaliser et développer une entreprise."],
      es: ["Desarrollo empresarial", "Ayuda para crear, formalizar y hacer crecer una empresa."],
      it: ["Sviluppo d'impresa", "Aiuto per avviare, formalizzare e far crescere un'impresa."],
      ar: ["تطوير المشاريع", "المساعدة على إنشاء مشروع وتسجيله وتنميته."],
    }],
    ['7aa9165a-020b-5ca9-af76-d4af5f461893', 'BDS-COA', '64777619-98b3-56ab-8e64-10e1a8c38a7c', "Work > Business Development", {
      en: ["Business coaching", "One-to-one support from idea to enterprise."],
      fr: ["Accompagnement d'entreprise", "Suivi individuel de l'idée à l'entreprise."],
      es: ["Acompañamiento empresarial", "Apoyo individual desde la idea hasta la empresa."],
      it: ["Accompagnamento imprenditoriale", "Sostegno individuale dall'idea all'impresa."],
      ar: ["مرافقة المشاريع", "دعم فردي من الفكرة إلى المشروع."],
    }],
    ['eec03e83-d8ce-5e10-b45b-1db43e4088b8', 'BDS-BPL', '64777619-98b3-56ab-8e64-10e1a8c38a7c', "Work > Business Development", {
      en: ["Business plans", "Writing and testing a business plan and its financing."],
      fr: ["Plans d'affaires", "Rédiger et éprouver un plan d'affaires et son financement."],
      es: ["Planes de negocio", "Redactar y poner a prueba un plan de negocio y su financiación."],
      it: ["Piani aziendali", "Scrivere e verificare un piano aziendale e il suo finanziamento."],
      ar: ["خطط العمل", "كتابة خطة العمل واختبارها مع تمويلها."],
    }],
    ['8c43e42e-92ae-5ada-9722-a7107db5b1a5', 'BDS-INC', '64777619-98b3-56ab-8e64-10e1a8c38a7c', "Work > Business Development", {
      en: ["Incubation", "Workspace, mentoring and networks for new enterprises."],
      fr: ["Incubation", "Espace de travail, mentorat et réseaux pour les jeunes entreprises."],
      es: ["Incubación", "Espacio de trabajo, mentoría y redes para nuevas empresas."],
      it: ["Incubazione", "Spazi di lavoro, tutoraggio e reti per le nuove imprese."],
      ar: ["الاحتضان", "مساحة عمل وإرشاد وشبكات للمشاريع الناشئة."],
    }],
    ['7e9ebd3b-6904-536f-b96d-836f32aba922', 'BDS-REG', '64777619-98b3-56ab-8e64-10e1a8c38a7c', "Work > Business Development", {
      en: ["Registration and licences", "Registering a business and obtaining permits and licences."],
      fr: ["Immatriculation et licences", "Immatriculer une entreprise, obtenir autorisations et licences."],
      es: ["Registro y licencias", "Registrar una empresa y obtener permisos y licencias."],
      it: ["Registrazione e licenze", "Registrare un'impresa e ottenere permessi e licenze."],
      ar: ["التسجيل والتراخيص", "تسجيل المشروع والحصول على الأذونات والتراخيص."],
    }],
    ['ff37beac-f18f-5f10-99a5-904cb0416cfd', 'BDS-MKT', '64777619-98b3-56ab-8e64-10e1a8c38a7c', "Work > Business Development", {
      en: ["Markets and value chains", "Finding buyers, suppliers and a place in a value chain."],
      fr: ["Marchés et chaînes de valeur", "Trouver clients, fournisseurs et une place dans une chaîne de valeur."],
      es: ["Mercados y cadenas de valor", "Encontrar compradores, proveedores y un lugar en una cadena de valor."],
      it: ["Mercati e filiere", "Trovare clienti, fornitori e un posto in una filiera."],
      ar: ["الأسواق وسلاسل القيمة", "إيجاد مشترين وموردين ومكان في سلسلة القيمة."],
    }],
    ['fb599579-638e-566c-9bb8-0841689e4e5b', 'EMP', null, "Work", {
      en: ["Employment", "Finding work and having skills counted."],
      fr: ["Emploi", "Trouver un travail et faire valoir ses compétences."],
      es: ["Empleo", "Encontrar trabajo y hacer valer las competencias."],
      it: ["Lavoro", "Trovare lavoro e far valere le proprie competenze."],
      ar: ["التوظيف", "إيجاد عمل وإبراز المهارات."],
    }],
    ['996216e5-ee20-50c5-929f-e6bcaf3f2e54', 'EMP-PLA', 'fb599579-638e-566c-9bb8-0841689e4e5b', "Work > Help Find Work > Job Placement", {
      en: ["Job placement", "Matching job seekers with vacancies."],
      fr: ["Placement", "Mise en relation des demandeurs d'emploi et des offres."],
      es: ["Intermediación laboral", "Poner en contacto a quienes buscan empleo con las vacantes."],
      it: ["Inserimento lavorativo", "Incontro tra chi cerca lavoro e le offerte."],
      ar: ["التوظيف والوساطة", "ربط الباحثين عن عمل بالوظائف الشاغرة."],
    }],
    ['2ad435b3-bc18-55ba-887a-084ee345c025', 'EMP-PES', 'fb599579-638e-566c-9bb8-0841689e4e5b', "Work > Help Find Work", {
      en: ["Public employment service", "The public agency for job seekers and employers."],
      fr: ["Service public de l'emploi", "L'agence publique des demandeurs d'emploi et des employeurs."],
      es: ["Servicio público de empleo", "La agencia pública para quienes buscan empleo y para empleadores."],
      it: ["Servizio pubblico per l'impiego", "Il centro pubblico per chi cerca lavoro e per i datori di lavoro."],
      ar: ["الخدمة العامة للتشغيل", "الوكالة العامة للباحثين عن عمل وأصحاب العمل."],
    }],
    ['bc6351cf-8b92-52db-aa65-2adb47ebc1d2', 'EMP-SKR', 'fb599579-638e-566c-9bb8-0841689e4e5b', "Work > Skills & Training", {
      en: ["Skills recognition", "Validating skills learnt at work or abroad."],
      fr: ["Reconnaissance des compétences", "Valider les compétences acquises au travail ou à l'étranger."],
      es: ["Reconocimiento de competencias", "Validar competencias adquiridas en el trabajo o en el extranjero."],
      it: ["Riconoscimento delle competenze", "Convalidare le competenze acquisite sul lavoro o all'estero."],
      ar: ["الاعتراف بالمهارات", "المصادقة على المهارات المكتسبة في العمل أو في الخارج."],
    }],
    ['8b54492c-859a-5ffc-87fc-d811c110f52e', 'TRN', null, "Education", {
      en: ["Training", "Courses for a trade, a language or running a business."],
      fr: ["Formation", "Cours pour un métier, une langue ou la gestion d’entreprise."],
      es: ["Formación", "Cursos de un oficio, un idioma o de gestión empresarial."],
      it: ["Formazione", "Corsi per un mestiere, una lingua o per gestire un'impresa."],
      ar: ["التدريب", "دورات في مهنة أو لغة أو في إدارة المشاريع."],
    }],
    ['f99971d8-02bb-5749-9640-2ac6820800ae', 'TRN-VOC', '8b54492c-859a-5ffc-87fc-d811c110f52e', "Education > Vocational Training", {
      en: ["Vocational training", "Learning a trade, with a recognised certificate."],
      fr: ["Formation professionnelle", "Apprendre un métier, avec un certificat reconnu."],
      es: ["Formación profesional", "Aprender un oficio con un certificado reconocido."],
      it: ["Formazione professionale", "Imparare un mestiere con un attestato riconosciuto."],
      ar: ["التدريب المهني", "تعلّم مهنة بشهادة معترف بها."],
    }],
    ['0c0bf0e2-6710-5912-bc63-e7e5c3d270c7', 'TRN-LAN', '8b54492c-859a-5ffc-87fc-d811c110f52e', "Education > Language Classes", {
      en: ["Language courses", "Learning the language of the country of residence."],
      fr: ["Cours de langue", "Apprendre la langue du pays de résidence."],
      es: ["Cursos de idiomas", "Aprender el idioma del país de residencia."],
      it: ["Corsi di lingua", "Imparare la lingua del paese di residenza."],
      ar: ["دروس اللغة", "تعلّم لغة بلد الإقامة."],
    }],
    ['98b692e4-c1c8-5ec8-b2a5-caa308fbe77d', 'TRN-ENT', '8b54492c-859a-5ffc-87fc-d811c110f52e', "Education > Skills & Training", {
      en: ["Entrepreneurship training", "Courses on starting and managing an enterprise."],
      fr: ["Formation à l'entrepreneuriat", "Cours pour créer et gérer une entreprise."],
      es: ["Formación en emprendimiento", "Cursos para crear y gestionar una empresa."],
      it: ["Formazione all'imprenditorialità", "Corsi per avviare e gestire un'impresa."],
      ar: ["التدريب على ريادة الأعمال", "دورات لإنشاء المشاريع وإدارتها."],
    }],
    ['a432efd5-41be-567c-84f2-5f6305af8875', 'LEG', null, "Legal", {
      en: ["Legal", "Advice and representation on rights and status."],
      fr: ["Juridique", "Conseil et représentation sur les droits et le statut."],
      es: ["Jurídico", "Asesoramiento y representación sobre derechos y situación."],
      it: ["Legale", "Consulenza e rappresentanza su diritti e status."],
      ar: ["الشؤون القانونية", "الاستشارة والتمثيل في الحقوق والوضع القانوني."],
    }],
    ['8db9edab-fee9-5449-a8dd-5cf0bf1a72c8', 'LEG-RES', 'a432efd5-41be-567c-84f2-5f6305af8875', "Legal > Immigration", {
      en: ["Residence and status", "Residence permits, renewals and family reunification."],
      fr: ["Séjour et statut", "Titres de séjour, renouvellements et regroupement familial."],
      es: ["Residencia y situación", "Permisos de residencia, renovaciones y reagrupación familiar."],
      it: ["Soggiorno e status", "Permessi di soggiorno, rinnovi e ricongiungimento familiare."],
      ar: ["الإقامة والوضع القانوني", "تصاريح الإقامة وتجديدها ولمّ الشمل العائلي."],
    }],
    ['c8ae79ad-8cb5-5c09-be5e-4ca7dff47a2e', 'LEG-LAB', 'a432efd5-41be-567c-84f2-5f6305af8875', "Legal > Workplace Rights", {
      en: ["Labour rights", "Contracts, wages and protection against exploitation."],
      fr: ["Droit du travail", "Contrats, salaires et protection contre l'exploitation."],
      es: ["Derechos laborales", "Contratos, salarios y protección frente a la explotación."],
      it: ["Diritti del lavoro", "Contratti, salari e tutela contro lo sfruttamento."],
      ar: ["حقوق العمل", "العقود والأجور والحماية من الاستغلال."],
    }],
    ['6e2f048a-fcf5-5296-b9b9-2c08f20fd066', 'LEG-QUA', 'a432efd5-41be-567c-84f2-5f6305af8875', "Education > Credential Evaluation", {
      en: ["Recognition of qualifications", "Having a diploma from abroad recognised."],
      fr: ["Reconnaissance des diplômes", "Faire reconnaître un diplôme obtenu à l'étranger."],
      es: ["Reconocimiento de títulos", "Homologar un título obtenido en el extranjero."],
      it: ["Riconoscimento dei titoli", "Far riconoscere un titolo di studio conseguito all'estero."],
      ar: ["معادلة الشهادات", "الاعتراف بشهادة حصلت عليها في الخارج."],
    }],
    ['ab28d579-856c-5705-9780-eca94feeddc5', 'SOC', null, "Care", {
      en: ["Social support", "Health, housing and psycho-social care."],
      fr: ["Accompagnement social", "Santé, logement et soutien psychosocial."],
      es: ["Apoyo social", "Salud, vivienda y apoyo psicosocial."],
      it: ["Sostegno sociale", "Salute, casa e sostegno psicosociale."],
      ar: ["الدعم الاجتماعي", "الصحة والسكن والدعم النفسي والاجتماعي."],
    }],
    ['1413c17a-b4a2-5688-a65d-c35e6d987c4b', 'SOC-HEA', 'ab28d579-856c-5705-9780-eca94feeddc5', "Health", {
      en: ["Health", "Access to care and health cover."],
      fr: ["Santé", "Accès aux soins et à la couverture maladie."],
      es: ["Salud", "Acceso a la atención y a la cobertura sanitaria."],
      it: ["Salute", "Accesso alle cure e all'assistenza sanitaria."],
      ar: ["الصحة", "الحصول على العلاج والتغطية الصحية."],
    }],
    ['7d763104-1903-528e-8dae-72d7ab2c0847', 'SOC-HOU', 'ab28d579-856c-5705-9780-eca94feeddc5', "Housing", {
      en: ["Housing", "Finding and keeping a home."],
      fr: ["Logement", "Trouver et garder un logement."],
      es: ["Vivienda", "Encontrar y conservar una vivienda."],
      it: ["Casa", "Trovare e mantenere un alloggio."],
      ar: ["السكن", "إيجاد مسكن والحفاظ عليه."],
    }],
    ['b59e1144-fe83-5c97-b938-556de99136a1', 'SOC-PSY', 'ab28d579-856c-5705-9780-eca94feeddc5', "Health > Mental Care", {
      en: ["Psycho-social support", "Listening, counselling and peer groups."],
      fr: ["Soutien psychosocial", "Écoute, conseil et groupes d'entraide."],
      es: ["Apoyo psicosocial", "Escucha, orientación y grupos de apoyo mutuo."],
      it: ["Sostegno psicosociale", "Ascolto, consulenza e gruppi di auto-aiuto."],
      ar: ["الدعم النفسي والاجتماعي", "الإصغاء والإرشاد ومجموعات الدعم المتبادل."],
    }],
    ['539a9b47-94ab-5c17-9372-6216985e48bd', 'MIG', null, "Legal > Immigration", {
      en: ["Migration cycle", "Before leaving and on coming home."],
      fr: ["Cycle migratoire", "Avant le départ et au retour."],
      es: ["Ciclo migratorio", "Antes de partir y al regresar."],
      it: ["Ciclo migratorio", "Prima della partenza e al ritorno."],
      ar: ["دورة الهجرة", "قبل المغادرة وعند العودة."],
    }],
    ['d73ca43c-53ed-5965-8e45-2c375042bee8', 'MIG-PRE', '539a9b47-94ab-5c17-9372-6216985e48bd', "Legal > Immigration", {
      en: ["Pre-departure information", "Knowing the rules, rights and risks before migrating."],
      fr: ["Information avant le départ", "Connaître règles, droits et risques avant de migrer."],
      es: ["Información previa a la partida", "Conocer normas, derechos y riesgos antes de migrar."],
      it: ["Informazione prima della partenza", "Conoscere regole, diritti e rischi prima di emigrare."],
      ar: ["معلومات ما قبل المغادرة", "معرفة القواعد والحقوق والمخاطر قبل الهجرة."],
    }],
    ['b16e9157-528d-5e99-bd0e-39983dbceff8', 'MIG-RET', '539a9b47-94ab-5c17-9372-6216985e48bd', "Legal > Immigration", {
      en: ["Return and reintegration", "Coming home: reintegration, investment and a new start."],
      fr: ["Retour et réintégration", "Rentrer au pays : réintégration, investissement, nouveau départ."],
      es: ["Retorno y reintegración", "Volver al país: reintegración, inversión y nuevo comienzo."],
      it: ["Rientro e reintegrazione", "Tornare a casa: reintegrazione, investimenti e un nuovo inizio."],
      ar: ["العودة وإعادة الإدماج", "العودة إلى البلد: إعادة الإدماج والاستثمار وبداية جديدة."],
    }],
];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    insert into hsds_taxonomy (id, name, description, uri, version, source_locale)
    values (${TAXONOMY_ID}, 'Glocal migration and local development services',
      'Services for migrants, diaspora members and returnees who start or grow an enterprise, find work or settle, at both ends of a migration corridor.',
      null, '1.0', 'en')`.execute(db);
  await sql`
    insert into hsds_taxonomy_translation (taxonomy_id, locale, name, description) values
      (${TAXONOMY_ID}, 'fr', 'Services Glocal migration et développement local', 'Services pour les migrants, la diaspora et les personnes de retour qui créent ou développent une entreprise, cherchent un emploi ou s''installent, aux deux bouts d''un corridor migratoire.'),
      (${TAXONOMY_ID}, 'es', 'Servicios Glocal de migración y desarrollo local', 'Servicios para migrantes, diáspora y retornados que crean o hacen crecer una empresa, buscan empleo o se establecen, en ambos extremos de un corredor migratorio.'),
      (${TAXONOMY_ID}, 'it', 'Servizi Glocal migrazione e sviluppo locale', 'Servizi per migranti, diaspora e rientrati che avviano o fanno crescere un''impresa, cercano lavoro o si stabiliscono, ai due capi di un corridoio migratorio.'),
      (${TAXONOMY_ID}, 'ar', 'خدمات غلوكال للهجرة والتنمية المحلية', 'خدمات للمهاجرين وأبناء الجاليات والعائدين الذين ينشئون مشروعًا أو يطورونه أو يبحثون عن عمل أو يستقرون، على طرفي ممر الهجرة.')`.execute(db);
  for (const [id, code, parentId, openEligibility, names] of TERMS) {
    await sql`
      insert into hsds_taxonomy_term (id, code, name, description, parent_id, taxonomy, language, taxonomy_id, term_uri, source_locale)
      values (${id}, ${code}, ${names.en[0]}, ${names.en[1]}, ${parentId}, ${'Open Eligibility: ' + openEligibility}, 'en', ${TAXONOMY_ID}, null, 'en')`.execute(db);
    for (const locale of ['fr', 'es', 'it', 'ar'] as const) {
      await sql`
        insert into hsds_taxonomy_term_translation (taxonomy_term_id, locale, name, description)
        values (${id}, ${locale}, ${names[locale][0]}, ${names[locale][1]})`.execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from hsds_taxonomy where id = ${TAXONOMY_ID}`.execute(db);
}
