//! The built-in default: the 2023 pact of Emulation Cluster No. 1 of the Ministry of Public
//! Security (Công an Hà Nội, TP Hồ Chí Minh, Đà Nẵng, Hải Phòng, Cần Thơ; Cần Thơ is the cluster
//! head), signed on 30/3/2023.
//!
//! The seven contents and their thresholds are the article's. The point weights, bonus and
//! deduction caps and rules (the −8 for not signing is a published example of another block), classification levels and flag rules are **examples** (Cluster No. 1 did not
//! publish its score sheet), so the pact says `weights_are_examples: true` and every one of them is
//! editable.

use crate::data::AdjustmentKind;
use crate::i18n::Text;
use crate::model::*;
use crate::num::Dec;
use chrono::NaiveDate;

fn t(vi: &str, en: &str) -> Text {
    Text::new(vi, en)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    // The dates below are constants, all valid.
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn dec(s: &str) -> Dec {
    Dec::parse(s).unwrap_or_default()
}

fn ind(id: &str, vi: &str, en: &str, kind: IndicatorKind, unit: (&str, &str)) -> IndicatorDef {
    IndicatorDef {
        id: id.into(),
        name: t(vi, en),
        kind,
        unit: t(unit.0, unit.1),
    }
}

const CASES: (&str, &str) = ("vụ", "cases");
const PEOPLE: (&str, &str) = ("người", "people");
const REPORTS: (&str, &str) = ("tin", "reports");

/// The ids of the built-in indicators.
pub mod ids {
    /// Crimes against social order (tội phạm về TTXH).
    pub const CRIMES: &str = "crimes_social_order";
    /// Reports received (tố giác, tin báo, kiến nghị khởi tố tiếp nhận).
    pub const REPORTS_RECEIVED: &str = "reports_received";
    /// Reports received and processed.
    pub const REPORTS_PROCESSED: &str = "reports_processed";
    /// Reports to resolve, including those carried over.
    pub const REPORTS_TO_RESOLVE: &str = "reports_to_resolve";
    /// Reports resolved.
    pub const REPORTS_RESOLVED: &str = "reports_resolved";
    /// Criminal cases occurred.
    pub const CASES_OCCURRED: &str = "cases_occurred";
    /// Criminal cases solved.
    pub const CASES_SOLVED: &str = "cases_solved";
    /// Very and especially serious cases occurred.
    pub const SERIOUS_OCCURRED: &str = "serious_cases_occurred";
    /// Very and especially serious cases solved.
    pub const SERIOUS_SOLVED: &str = "serious_cases_solved";
    /// Traffic accidents.
    pub const TRAFFIC_ACCIDENTS: &str = "traffic_accidents";
    /// Traffic deaths.
    pub const TRAFFIC_DEATHS: &str = "traffic_deaths";
    /// Traffic injuries.
    pub const TRAFFIC_INJURIES: &str = "traffic_injuries";
    /// Fires.
    pub const FIRES: &str = "fires";
    /// Explosions.
    pub const EXPLOSIONS: &str = "explosions";
    /// Deaths in fires and explosions.
    pub const FIRE_DEATHS: &str = "fire_deaths";
    /// Injuries in fires and explosions.
    pub const FIRE_INJURIES: &str = "fire_injuries";
    /// Property loss from fires and explosions, in billion đồng.
    pub const FIRE_LOSS: &str = "fire_property_loss";
}

/// The built-in indicators, in entry order.
pub fn indicators() -> Vec<IndicatorDef> {
    use IndicatorKind::*;
    vec![
        ind(
            ids::CRIMES,
            "Số vụ phạm tội về trật tự xã hội",
            "Crimes against social order",
            Count,
            CASES,
        ),
        ind(
            ids::REPORTS_RECEIVED,
            "Tố giác, tin báo, kiến nghị khởi tố tiếp nhận",
            "Denunciations, crime reports and prosecution recommendations received",
            Count,
            REPORTS,
        ),
        ind(
            ids::REPORTS_PROCESSED,
            "Tố giác, tin báo, kiến nghị khởi tố đã xử lý",
            "Reports received and processed",
            Count,
            REPORTS,
        ),
        ind(
            ids::REPORTS_TO_RESOLVE,
            "Tố giác, tin báo phải giải quyết (kể cả kỳ trước chuyển sang)",
            "Reports to resolve (including those carried over)",
            Count,
            REPORTS,
        ),
        ind(
            ids::REPORTS_RESOLVED,
            "Tố giác, tin báo đã giải quyết",
            "Reports resolved",
            Count,
            REPORTS,
        ),
        ind(
            ids::CASES_OCCURRED,
            "Số vụ án xảy ra",
            "Criminal cases occurred",
            Count,
            CASES,
        ),
        ind(
            ids::CASES_SOLVED,
            "Số vụ án điều tra, khám phá",
            "Criminal cases solved",
            Count,
            CASES,
        ),
        ind(
            ids::SERIOUS_OCCURRED,
            "Án rất nghiêm trọng, đặc biệt nghiêm trọng xảy ra",
            "Very and especially serious cases occurred",
            Count,
            CASES,
        ),
        ind(
            ids::SERIOUS_SOLVED,
            "Án rất nghiêm trọng, đặc biệt nghiêm trọng khám phá",
            "Very and especially serious cases solved",
            Count,
            CASES,
        ),
        ind(
            ids::TRAFFIC_ACCIDENTS,
            "Tai nạn giao thông: số vụ",
            "Traffic accidents: cases",
            Count,
            CASES,
        ),
        ind(
            ids::TRAFFIC_DEATHS,
            "Tai nạn giao thông: số người chết",
            "Traffic accidents: deaths",
            Count,
            PEOPLE,
        ),
        ind(
            ids::TRAFFIC_INJURIES,
            "Tai nạn giao thông: số người bị thương",
            "Traffic accidents: injuries",
            Count,
            PEOPLE,
        ),
        ind(ids::FIRES, "Số vụ cháy", "Fires", Count, CASES),
        ind(ids::EXPLOSIONS, "Số vụ nổ", "Explosions", Count, CASES),
        ind(
            ids::FIRE_DEATHS,
            "Cháy, nổ: số người chết",
            "Fires and explosions: deaths",
            Count,
            PEOPLE,
        ),
        ind(
            ids::FIRE_INJURIES,
            "Cháy, nổ: số người bị thương",
            "Fires and explosions: injuries",
            Count,
            PEOPLE,
        ),
        ind(
            ids::FIRE_LOSS,
            "Cháy, nổ: thiệt hại tài sản",
            "Fires and explosions: property loss",
            Amount,
            ("tỷ đồng", "billion VND"),
        ),
    ]
}

fn adj(id: &str, kind: AdjustmentKind, vi: &str, en: &str, points: &str) -> AdjustmentRule {
    AdjustmentRule {
        id: id.into(),
        kind,
        title: t(vi, en),
        points: dec(points),
    }
}

fn manual(id: &str, vi: &str, en: &str, max: &str) -> Target {
    Target {
        id: id.into(),
        title: t(vi, en),
        max_points: dec(max),
        scoring: ScoringMethod::Manual,
        rule: Rule::Manual,
    }
}

fn target(id: &str, vi: &str, en: &str, max: &str, rule: Rule) -> Target {
    Target {
        id: id.into(),
        title: t(vi, en),
        max_points: dec(max),
        scoring: ScoringMethod::AllOrNothing,
        rule,
    }
}

fn rate(num: &str, den: &str, cmp: Comparator, pct: &str) -> Rule {
    Rule::Rate {
        numerator: num.into(),
        denominator: den.into(),
        comparator: cmp,
        threshold_pct: dec(pct),
    }
}

fn content(n: u32, vi: &str, en: &str, targets: Vec<Target>) -> Content {
    Content {
        id: format!("c{n}"),
        number: n,
        title: t(vi, en),
        targets,
    }
}

fn unit(id: &str, vi: &str, en: &str, short: (&str, &str), role: Role) -> Unit {
    Unit {
        id: id.into(),
        name: t(vi, en),
        short_name: t(short.0, short.1),
        role,
    }
}

/// The 2023 pact of Emulation Cluster No. 1.
pub fn cluster1_2023() -> Pact {
    use ids::*;
    use Comparator::*;
    Pact {
        id: "cum1-2023".into(),
        title: t(
            "Giao ước thi đua năm 2023 — Cụm thi đua số 1, Bộ Công an",
            "2023 emulation pact — Emulation Cluster No. 1, Ministry of Public Security",
        ),
        cluster: t("Cụm thi đua số 1, Bộ Công an", "Emulation Cluster No. 1, Ministry of Public Security"),
        movement: t("Vì an ninh Tổ quốc", "For the Security of the Fatherland"),
        theme: t(
            "Xây dựng Công an Nhân dân thật sự trong sạch, vững mạnh, chính quy, tinh nhuệ, hiện đại - hướng về cơ sở",
            "Building a People's Public Security force that is truly clean, strong, regular, elite and modern — oriented to the grassroots",
        ),
        signed_on: Some(date(2023, 3, 30)),
        reviews: vec![
            Review {
                id: "nam-2023".into(),
                name: t("Tổng kết năm 2023", "Year-end review 2023"),
                period: Period { start: date(2022, 12, 15), end: date(2023, 12, 14) },
                baseline: Period { start: date(2021, 12, 15), end: date(2022, 12, 14) },
            },
            Review {
                id: "6-thang-2023".into(),
                name: t("Sơ kết 6 tháng đầu năm 2023", "Mid-year review 2023"),
                period: Period { start: date(2022, 12, 15), end: date(2023, 6, 14) },
                baseline: Period { start: date(2021, 12, 15), end: date(2022, 6, 14) },
            },
        ],
        units: vec![
            unit("ha-noi", "Công an TP Hà Nội", "Hà Nội City Police", ("Hà Nội", "Hà Nội"), Role::Member),
            unit("tp-hcm", "Công an TP Hồ Chí Minh", "Hồ Chí Minh City Police", ("TP HCM", "HCMC"), Role::Member),
            unit("da-nang", "Công an TP Đà Nẵng", "Đà Nẵng City Police", ("Đà Nẵng", "Đà Nẵng"), Role::Member),
            unit("hai-phong", "Công an TP Hải Phòng", "Hải Phòng City Police", ("Hải Phòng", "Hải Phòng"), Role::Member),
            unit("can-tho", "Công an TP Cần Thơ", "Cần Thơ City Police", ("Cần Thơ", "Cần Thơ"), Role::ClusterHead),
        ],
        indicators: indicators(),
        contents: vec![
            content(1, "Quán triệt, tuyên truyền, tổ chức thực hiện công tác thi đua, khen thưởng",
                "Instilling, promoting and organising emulation and commendation work",
                vec![manual("t1", "Quán triệt, tuyên truyền, tổ chức thực hiện công tác thi đua, khen thưởng", "Instilling, promoting and organising emulation and commendation work", "10")]),
            content(2, "Phong trào thi đua đặc biệt: 75 năm Sáu điều Bác Hồ dạy CAND và 75 năm Lời kêu gọi thi đua ái quốc",
                "Special emulation movements: 75 years of Uncle Hồ's Six Teachings to the People's Public Security and of the Appeal for Patriotic Emulation",
                vec![manual("t2", "Thực hiện các phong trào thi đua đặc biệt", "Carrying out the special emulation movements", "10")]),
            content(3, "Tham mưu cấp ủy, chính quyền về bảo đảm an ninh trật tự, đấu tranh phòng, chống tội phạm",
                "Advising Party committees and authorities on security and order and on crime prevention",
                vec![manual("t3", "Chất lượng tham mưu về bảo đảm ANTT", "Quality of advice on security and order", "10")]),
            content(4, "Kéo giảm số vụ phạm tội về trật tự xã hội so với năm 2022",
                "Reducing crimes against social order compared with 2022",
                vec![target("t4", "Kéo giảm ít nhất 5% số vụ phạm tội về TTXH", "Reduce crimes against social order by at least 5%", "15",
                    Rule::Reduction { indicator: CRIMES.into(), comparator: Ge, threshold_pct: dec("5") })]),
            content(5, "Tiếp nhận, giải quyết tố giác, tin báo về tội phạm, kiến nghị khởi tố",
                "Receiving and resolving denunciations, crime reports and prosecution recommendations",
                vec![
                    target("t5a", "100% tố giác, tin báo, kiến nghị khởi tố được tiếp nhận, xử lý", "100% of reports received and processed", "8",
                        rate(REPORTS_PROCESSED, REPORTS_RECEIVED, Eq, "100")),
                    target("t5b", "Tỷ lệ giải quyết tố giác, tin báo trên 90%", "Resolution rate above 90%", "8",
                        rate(REPORTS_RESOLVED, REPORTS_TO_RESOLVE, Gt, "90")),
                ]),
            content(6, "Điều tra, khám phá án", "Investigating and solving cases",
                vec![
                    target("t6a", "Tỷ lệ điều tra, khám phá án trên 75%", "Discovery rate above 75%", "12",
                        rate(CASES_SOLVED, CASES_OCCURRED, Gt, "75")),
                    target("t6b", "Án rất nghiêm trọng, đặc biệt nghiêm trọng khám phá trên 90%", "Very and especially serious cases solved above 90%", "12",
                        rate(SERIOUS_SOLVED, SERIOUS_OCCURRED, Gt, "90")),
                ]),
            content(7, "Quản lý nhà nước về an ninh, trật tự: kiềm chế sự gia tăng tai nạn giao thông và cháy, nổ",
                "State management of security and order: curbing the increase of traffic accidents, fires and explosions",
                vec![
                    target("t7a", "Kiềm chế gia tăng tai nạn giao thông (số vụ, số người chết, số người bị thương)", "No increase in traffic accidents (cases, deaths, injuries)", "8",
                        Rule::NoIncrease { indicators: vec![TRAFFIC_ACCIDENTS.into(), TRAFFIC_DEATHS.into(), TRAFFIC_INJURIES.into()] }),
                    target("t7b", "Kiềm chế gia tăng cháy, nổ (số vụ cháy, nổ, người chết, bị thương, thiệt hại tài sản)", "No increase in fires and explosions (fires, explosions, deaths, injuries, property loss)", "7",
                        Rule::NoIncrease { indicators: vec![FIRES.into(), EXPLOSIONS.into(), FIRE_DEATHS.into(), FIRE_INJURIES.into(), FIRE_LOSS.into()] }),
                ]),
        ],
        stated_total: dec("100"),
        weights_are_examples: true,
        adjustments: AdjustmentPolicy {
            bonus_cap: dec("5"),
            deduction_cap: dec("10"),
            rules: vec![
                adj("thanh-tich-dot-xuat", AdjustmentKind::Bonus, "Thành tích đột xuất được cấp trên khen thưởng", "Exceptional achievement commended by a higher level", "2"),
                adj("mo-hinh-moi", AdjustmentKind::Bonus, "Mô hình, cách làm mới được nhân rộng", "A new model or practice adopted elsewhere", "1"),
                adj("khong-ky-giao-uoc", AdjustmentKind::Deduction, "Không ký giao ước thi đua", "Did not sign the emulation pact", "8"),
                adj("cham-bao-cao", AdjustmentKind::Deduction, "Chậm gửi báo cáo thi đua", "Emulation report sent late", "1"),
            ],
        },
        not_applicable: NotApplicablePoints::Full,
        classification: vec![
            Level { id: "xuat-sac".into(), name: t("Hoàn thành xuất sắc nhiệm vụ", "Outstanding"), min_total: Some(dec("90")), content_floor_pct: Some(dec("85")) },
            Level { id: "tot".into(), name: t("Hoàn thành tốt nhiệm vụ", "Good"), min_total: Some(dec("80")), content_floor_pct: Some(dec("80")) },
            Level { id: "hoan-thanh".into(), name: t("Hoàn thành nhiệm vụ", "Completed"), min_total: Some(dec("70")), content_floor_pct: Some(dec("70")) },
            Level { id: "khong-hoan-thanh".into(), name: t("Không hoàn thành nhiệm vụ", "Not completed"), min_total: None, content_floor_pct: None },
        ],
        flags: FlagRules { ministry_levels: vec!["xuat-sac".into()], government_for_leader: true },
    }
}
