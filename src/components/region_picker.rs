use super::nonempty;
use leptos::prelude::*;
use wegweiser_core::present::RegionOption;
use wegweiser_core::words::k;
use wegweiser_core::Words;

/// Choose a Bundesland or city: a plain form (`?region=`), so the choice is in the
/// address, works with the keyboard and needs no script to submit; the language stays
/// the one remembered. The chosen region is said in words, with a link back to all.
#[component]
pub fn RegionPicker(
    regions: Vec<RegionOption>,
    region: Option<RegionOption>,
    w: &'static Words,
) -> impl IntoView {
    let chosen = region.as_ref().map(|r| r.id.clone());
    view! {
        <form class="region" method="get" action="">
            <label for="region-select">{w.get(k::REGION_LABEL)}</label>
            <select id="region-select" name="region">
                <option value="alle">{w.get(k::REGION_ALL)}</option>
                {regions
                    .into_iter()
                    .map(|r| {
                        let selected = chosen.as_deref() == Some(r.id.as_str());
                        view! { <option value=r.id selected=selected>{r.name.text}</option> }
                    })
                    .collect_view()}
            </select>
            <button type="submit">{w.get(k::REGION_APPLY)}</button>
        </form>
        {region.map(|r| {
            let (before, after) = w.around(k::REGION_CHOSEN);
            view! {
                <p class="region__chosen">
                    {nonempty(before)} <strong>{r.name.text}</strong> {nonempty(after)} " "
                    <a href="?region=alle">{w.get(k::REGION_RESET)}</a>
                </p>
            }
        })}
    }
}
