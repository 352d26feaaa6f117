//! Who did what, through every stage: behaviours of the event coder that
//! need coreference and linking, which its unit tests cannot build.

use warta_pipeline::Pipeline;
use warta_read::RawArticle;

fn events(text: &str) -> Vec<(String, String, Option<String>)> {
    let raw = RawArticle {
        id: "t".into(),
        origin: "t".into(),
        text: text.to_string(),
        published: Some("2017-07-18".into()),
        ..RawArticle::default()
    };
    let doc = Pipeline::standard().unwrap().analyze(raw).unwrap();
    doc.events
        .into_iter()
        .map(|e| (e.plover, e.trigger.text, e.source.map(|s| s.name)))
        .collect()
}

/// In an arrest story the officer quoted most is the spokesman: he
/// announced the arrest; the police did it.
#[test]
fn an_arrest_told_by_a_spokesman_is_the_polices_not_his() {
    let evs = events(
        "Polda Metro Jaya menyelidiki kasus penipuan itu sejak pekan lalu.\n\n\
         Seorang pria berinisial AB ditangkap pada Senin malam di Tebet, kata Kabid Humas \
         Polda Metro Jaya Kombes Argo Yuwono kepada wartawan.\n\n\
         Argo mengatakan AB kini menjalani pemeriksaan. Menurut Argo, barang bukti sudah diamankan.",
    );
    let arrest = evs
        .iter()
        .find(|(_, trigger, _)| trigger == "ditangkap")
        .unwrap_or_else(|| panic!("{evs:?}"));
    assert_eq!(arrest.2.as_deref(), Some("Polda Metro Jaya"), "{evs:?}");
}

/// Every mention of an official acts in the office the article gave one of
/// them: the legislator set off by a comma, the minister's later `dia`, the
/// agency's acronym.
#[test]
fn an_office_carries_to_every_mention_and_to_the_acronym() {
    let raw = RawArticle {
        id: "t".into(),
        origin: "t".into(),
        text: "Anggota Komisi I DPR RI, Elnino Husein Mohi meminta TNI untuk segera memberikan keterangan. \
               Elnino juga meminta TNI segera mengklarifikasi proses pembelian alutsista.\n\n\
               Kementerian Perhubungan bersama dengan Badan Pengkajian dan Penerapan Teknologi (BPPT) \
               bekerja sama untuk melakukan modernisasi transportasi.\n\n\
               Menteri Pertanian Andi Amran Sulaiman meminta para peternak menjual daging. Karenanya, \
               dia berharap para pelaku industri perunggasan dapat menjual produk daging ayamnya."
            .to_string(),
        published: Some("2017-07-18".into()),
        ..RawArticle::default()
    };
    let doc = Pipeline::standard().unwrap().analyze(raw).unwrap();
    let code_of = |actor: &str| {
        doc.events
            .iter()
            .find(|e| e.source.as_ref().is_some_and(|s| s.text == actor))
            .and_then(|e| e.source.as_ref()?.code.clone())
    };
    assert_eq!(code_of("Elnino").as_deref(), Some("IDNLEG"), "{:?}", doc.events);
    assert_eq!(code_of("BPPT").as_deref(), Some("IDNGOV"), "{:?}", doc.events);
    assert_eq!(code_of("dia").as_deref(), Some("IDNGOV"), "{:?}", doc.events);
}
