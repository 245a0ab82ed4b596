use rust_decimal::Decimal;
use thidua_core::*;
#[test]
fn scratch() {
    let dd = Decimal::new(9104202930493413000i64, 4);
    let mut d = Document::default_pact();
    d.unit_data_mut("can-tho").set(
        "crimes_social_order",
        PeriodKind::Baseline,
        Entry::Value(Dec(dd)),
    );
    let j = d.to_json();
    println!(
        "{}",
        j.lines().find(|l| l.contains("\"baseline\"")).unwrap()
    );
    let back = Document::from_json(&j).unwrap();
    println!("{:?}", back.unit_data("can-tho").unwrap().figures);
    let v: serde_json::Value = serde_json::from_str(&j).unwrap();
    println!("{:?}", v["data"][4]["figures"]);
    let n: serde_json::Number = serde_json::from_str("910420293049341.3").unwrap();
    println!("{} -> {:?}", n, Dec::parse(&n.to_string()));
    println!("{:?}", Decimal::from_str_exact("910420293049341.3"));
    use std::str::FromStr;
    println!("{:?}", Decimal::from_str("910420293049341.3"));
}
