//! Merging units' own files: what each file brings, the files refused and why, and every
//! conflicting cell with a choice between the value held and the file's.

use super::dialog::Dialog;
use crate::ui::{column_headings, target_number, tr, trf};
use std::collections::HashSet;
use std::rc::Rc;
use thidua_core::messages::period_label;
use thidua_core::unit_file::{apply_merge, Field, MergePlan, Refusal, UnitFile};
use thidua_core::{Document, Lang};
use yew::prelude::*;

/// The files being merged: name, and the file or why it is unreadable.
pub type UnitFiles = Rc<Vec<(String, Result<UnitFile, Refusal>)>>;

/// Props of the merge dialog.
#[derive(Properties, PartialEq)]
pub struct MergeProps {
    /// The open pact.
    pub doc: Rc<Document>,
    /// The files.
    pub files: UnitFiles,
    /// What merging would do.
    pub plan: Rc<MergePlan>,
    /// The language.
    pub lang: Lang,
    /// Merge: the document after it (the app snapshots first).
    pub onapply: Callback<Rc<Document>>,
    /// Cancel.
    pub onclose: Callback<()>,
}

/// A field in words: "Số vụ án xảy ra — kỳ này", "1 — điểm tự chấm".
pub fn field_label(doc: &Document, field: &Field, lang: Lang) -> String {
    let ind = |id: &str| {
        doc.pact
            .indicator(id)
            .map(|i| i.name.get(lang).to_string())
            .unwrap_or_else(|| id.to_string())
    };
    let t = |id: &str| target_number(&doc.pact, id);
    match field {
        Field::Figure(i, p) => format!("{} — {}", ind(i), period_label(*p, lang)),
        Field::SelfScore(x) => format!("{} — {}", t(x), tr(lang, "điểm tự chấm", "self score")),
        Field::SelfRemark(x) => format!(
            "{} — {}",
            t(x),
            tr(lang, "ghi chú tự chấm", "self-score remark")
        ),
        Field::Verified(x) => format!(
            "{} — {}",
            t(x),
            tr(lang, "điểm thẩm định", "verified score")
        ),
        Field::VerifiedRemark(x) => format!(
            "{} — {}",
            t(x),
            tr(lang, "ghi chú thẩm định", "verification remark")
        ),
        Field::Adjustments => tr(lang, "điểm thưởng, điểm trừ", "bonus and deduction lines").into(),
    }
}

/// The merge dialog.
#[function_component(MergeDialog)]
pub fn merge_dialog(p: &MergeProps) -> Html {
    let lang = p.lang;
    let take = use_state(HashSet::<usize>::new);
    let unit_name = |id: &str| {
        p.doc
            .pact
            .unit(id)
            .map(|u| u.name.get(lang).to_string())
            .unwrap_or_else(|| id.to_string())
    };
    let onapply = {
        let (doc, files, plan, take, cb) = (
            p.doc.clone(),
            p.files.clone(),
            p.plan.clone(),
            take.clone(),
            p.onapply.clone(),
        );
        Callback::from(move |_| {
            let chosen = (*take).clone();
            let merged = apply_merge(
                &doc,
                &files,
                &plan,
                &|i| chosen.contains(&i),
                &crate::browser::now_iso(),
            );
            cb.emit(Rc::new(merged));
        })
    };
    let close = p.onclose.clone();
    let accepted: Vec<usize> = (0..p.files.len())
        .filter(|i| !p.plan.refused.iter().any(|(j, _)| j == i))
        .collect();
    let conflicts: Vec<_> = p.plan.conflicts().collect();
    html! {
        <Dialog title={AttrValue::from(tr(lang, "Gộp tệp của các đơn vị", "Merge the units' files"))} onclose={close.clone()}>
            if !p.plan.refused.is_empty() {
                <h3>{tr(lang, "Tệp bị từ chối (không gộp gì từ các tệp này)", "Files refused (nothing of them is merged)")}</h3>
                <ul class="refused" aria-label={tr(lang, "Tệp bị từ chối", "Files refused")}>
                { for p.plan.refused.iter().map(|(i, r)| html! {
                    <li><strong>{p.files[*i].0.clone()}</strong>{": "}{r.message(lang)}</li>
                })}
                </ul>
            }
            <h3>{tr(lang, "Tệp được gộp", "Files to merge")}</h3>
            <ul aria-label={tr(lang, "Tệp được gộp", "Files to merge")}>
            { for accepted.iter().map(|i| {
                let (name, file) = &p.files[*i];
                let unit = file.as_ref().map(|f| unit_name(&f.unit)).unwrap_or_default();
                let n = p.plan.changes.iter().filter(|c| c.file == *i && !c.conflict).count();
                let k = p.plan.changes.iter().filter(|c| c.file == *i && c.conflict).count();
                html! { <li><strong>{name.clone()}</strong>{" → "}{unit}{": "}{trf(lang,
                    format!("{n} giá trị mới, {k} khác với giá trị đang có"),
                    format!("{n} new values, {k} different from the values held"))}</li> }
            })}
            </ul>
            if !conflicts.is_empty() {
                <table class="conflicts">
                    <caption>{tr(lang, "Ô có giá trị khác nhau: chọn giá trị giữ lại", "Cells that differ: choose the value to keep")}</caption>
                    <thead><tr>
                        { column_headings(&[
                            tr(lang, "Đơn vị", "Unit"),
                            tr(lang, "Ô", "Cell"),
                            tr(lang, "Đang có", "Held"),
                            tr(lang, "Trong tệp", "In the file"),
                        ]) }
                    </tr></thead>
                    <tbody>
                    { for conflicts.iter().map(|(n, c)| {
                        let n = *n;
                        let label = format!("{} — {}", unit_name(&c.unit), field_label(&p.doc, &c.field, lang));
                        let set = |yes: bool| {
                            let take = take.clone();
                            Callback::from(move |_: Event| {
                                let mut t = (*take).clone();
                                if yes { t.insert(n); } else { t.remove(&n); }
                                take.set(t);
                            })
                        };
                        let taking = take.contains(&n);
                        let group = format!("conflict-{n}");
                        html! {
                            <tr>
                                <th scope="row">{unit_name(&c.unit)}</th>
                                <td>{field_label(&p.doc, &c.field, lang)}</td>
                                <td><label><input type="radio" name={group.clone()} checked={!taking} onchange={set(false)}
                                    aria-label={trf(lang, format!("{label}: giữ {}", c.current), format!("{label}: keep {}", c.current))} />{c.current.clone()}</label></td>
                                <td><label><input type="radio" name={group} checked={taking} onchange={set(true)}
                                    aria-label={trf(lang, format!("{label}: lấy {} từ tệp", c.incoming), format!("{label}: take {} from the file", c.incoming))} />{c.incoming.clone()}</label></td>
                            </tr>
                        }
                    })}
                    </tbody>
                </table>
            }
            <div class="dialog-buttons">
                <button type="button" onclick={onapply} disabled={accepted.is_empty()}>{tr(lang, "Gộp vào giao ước", "Merge into the pact")}</button>
                <button type="button" onclick={close.reform(|_| ())}>{tr(lang, "Hủy", "Cancel")}</button>
            </div>
        </Dialog>
    }
}
