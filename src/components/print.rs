//! The print-only block: the date of printing and signature lines for the cluster head and each
//! unit's representative. The print stylesheet hides the editing parts and shows this.

use super::results::PactRef;
use crate::ui::{tr, trf};
use thidua_core::model::Role;
use thidua_core::Lang;
use yew::prelude::*;

/// Props of the print block.
#[derive(Properties, PartialEq)]
pub struct PrintBlockProps {
    /// The pact (compared by pointer: typing figures leaves it as it is).
    pub pact: PactRef,
    /// The language.
    pub lang: Lang,
    /// The date of printing, dd/mm/yyyy.
    pub date: AttrValue,
}

/// Signature lines.
#[function_component(PrintBlock)]
pub fn print_block(p: &PrintBlockProps) -> Html {
    let lang = p.lang;
    let units = &p.pact.0.units;
    let head = units.iter().find(|u| u.role == Role::ClusterHead);
    html! {
        <section class="print-only" aria-label={tr(lang, "Phần ký xác nhận", "Signatures")}>
            <p>{trf(lang, format!("In ngày {}", p.date), format!("Printed on {}", p.date))}</p>
            <div class="signatures">
                if let Some(h) = head {
                    <div class="sign head">
                        <strong>{trf(lang, format!("Cụm trưởng — {}", h.name.get(lang)), format!("Cluster head — {}", h.name.get(lang)))}</strong>
                        <span class="line">{tr(lang, "(Ký, ghi rõ họ tên, đóng dấu)", "(Signature, full name, seal)")}</span>
                    </div>
                }
                { for units.iter().filter(|u| u.role != Role::ClusterHead).map(|u| html! {
                    <div class="sign">
                        <strong>{trf(lang, format!("Đại diện {}", u.name.get(lang)), format!("For {}", u.name.get(lang)))}</strong>
                        <span class="line">{tr(lang, "(Ký, ghi rõ họ tên)", "(Signature, full name)")}</span>
                    </div>
                })}
            </div>
        </section>
    }
}
