//! The `list` package.

mod equal;
mod numbers;
mod slices;
mod sort;
mod validators;

use tenon_eval::builtin::{CallError, Member, Package};

pub static PACKAGE: Package = Package {
    path: "list",
    members: &[
        // Comparators for Sort.
        Member::source("Comparer", "{T: _, x: T, y: T, less: bool}"),
        Member::source("Ascending", "{T: number | string, x: T, y: T, less: x < y}"),
        Member::source(
            "Descending",
            "{T: number | string, x: T, y: T, less: x > y}",
        ),
        // Building and slicing lists.
        Member::func("Concat", &["a"], slices::concat),
        Member::func("Drop", &["x", "n"], slices::drop),
        Member::func("FlattenN", &["xs", "depth"], slices::flatten_n),
        Member::func("Repeat", &["x", "count"], slices::repeat),
        Member::func("Reverse", &["x"], slices::reverse),
        Member::func("Slice", &["x", "i", "j"], slices::slice),
        Member::func("Take", &["x", "n"], slices::take),
        // Numbers.
        Member::func("Avg", &["xs"], numbers::avg),
        Member::func("Max", &["xs"], numbers::max),
        Member::func("Min", &["xs"], numbers::min),
        Member::func("Product", &["xs"], numbers::product),
        Member::func("Range", &["start", "limit", "step"], numbers::range),
        Member::func("Sum", &["xs"], numbers::sum),
        // Sorting.
        Member::func("IsSorted", &["list", "cmp"], sort::is_sorted),
        Member::func("IsSortedStrings", &["a"], sort::is_sorted_strings),
        Member::func("Sort", &["list", "cmp"], sort::sort),
        Member::func("SortStable", &["list", "cmp"], sort::sort),
        Member::func("SortStrings", &["a"], sort::sort_strings),
        // Tests and validators.
        Member::func("Contains", &["a", "v"], validators::contains),
        Member::validator("MatchN", &["list", "n", "matchValue"], validators::match_n),
        Member::validator("MaxItems", &["list", "n"], validators::max_items),
        Member::validator("MinItems", &["list", "n"], validators::min_items),
        Member::validator("UniqueItems", &["list"], validators::unique_items),
    ],
};

/// The most elements a function builds a list of.
const MAX_ITEMS: usize = 1 << 24;

/// `Ok` when a list of `n` elements may be built.
fn check_items(n: usize) -> Result<(), CallError> {
    if n > MAX_ITEMS {
        return Err(CallError::Failed(format!(
            "result too large (more than {MAX_ITEMS} elements)"
        )));
    }
    Ok(())
}
