use super::dict::{ActorDict, AgentDict, Discards, VerbDict};
use super::*;

const VERBS: &str = "&TIE\n+DIPLOMATIC_TIES_\n\n--- RESTORE [---] ---\nRESTORE\n- * &TIE [064]\n\n--- ATTACK [190] ---\nATTACK\nSHOOT {SHOOTS SHOT SHOOTING}\n\n--- VISIT [042:043] ---\nVISIT\n\n--- CONDEMN [111] ---\nCONDEMN\n\n--- PROMISE [030] ---\nPROMISE\n- * AID [033]\n";
const ACTORS: &str = "ARNOR_ [ARN]\nGONDOR_ [GON]\n+MINAS_TIRITH\nOSGILIATH [OSG]\n";
const AGENTS: &str = "GOVERNMENT [~GOV]\nSOLDIER [~MIL]\nPOLICE {} [~COP]\n";

fn coder() -> PetrarchCoder {
    PetrarchCoder::new(
        VerbDict::parse(VERBS).unwrap(),
        ActorDict::parse(ACTORS).unwrap(),
        AgentDict::parse(AGENTS).unwrap(),
        Discards::parse("BASKETBALL\n"),
    )
}

fn codes(text: &str) -> Vec<String> {
    coder()
        .code(text, None)
        .into_iter()
        .map(|(s, c, t)| format!("{s}|{c}|{t}"))
        .collect()
}

#[test]
fn pattern_gives_the_finer_code_and_the_object_is_the_target() {
    assert_eq!(
        codes("Arnor is about to restore full diplomatic ties with Gondor."),
        ["ARN|064|GON"]
    );
    // no pattern matches and the verb alone codes nothing
    assert!(codes("Arnor restored the old bridge.").is_empty());
}

#[test]
fn passive_agent_is_the_source_and_nouns_are_not_verbs() {
    assert_eq!(
        codes("Gondor was attacked by Osgiliath soldiers."),
        ["OSGMIL|190|GON"]
    );
    assert!(
        codes("Gondor condemned the attack.").is_empty()
            || codes("Gondor condemned the attack.") == ["GON|111|---"]
    );
    assert!(!codes("The attack on Gondor shocked Arnor.")
        .iter()
        .any(|c| c.contains("190")));
}

#[test]
fn agents_coordination_pairs_and_negation() {
    assert_eq!(
        codes("The Gondor government visited Arnor."),
        ["GONGOV|042|ARN", "ARN|043|GONGOV"]
    );
    assert_eq!(
        codes("Soldiers from Gondor shot Osgiliath police."),
        ["GONMIL|190|OSGCOP"]
    );
    let both = codes("Arnor and Gondor attacked Osgiliath.");
    assert_eq!(both, ["ARN|190|OSG", "GON|190|OSG"]);
    assert!(codes("Arnor did not attack Gondor.").is_empty());
    // a coordinated verb keeps the first verb's subject
    assert_eq!(
        codes("Arnor condemned Osgiliath and promised aid to Gondor."),
        ["ARN|111|OSG", "ARN|033|GON"]
    );
    assert!(codes("Arnor attacked Gondor in basketball.").is_empty());
}

#[test]
fn tokenizer_splits_clitics_and_keeps_spans() {
    let t = "Gondor's forces didn't go to the U.S. war-torn city.";
    let w = tokenize(t, 10);
    let norms: Vec<&str> = w.iter().map(|w| w.norm.as_str()).collect();
    assert_eq!(
        norms,
        ["gondor", "'s", "forces", "did", "n't", "go", "to", "the", "u.s", ".", "war-torn", "city", "."]
    );
    for x in &w {
        assert_eq!(t[x.span.start - 10..x.span.end - 10].to_lowercase(), x.norm);
    }
}
