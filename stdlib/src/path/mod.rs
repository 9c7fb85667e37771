//! The `path` package: Go's `path/filepath` operations for a chosen
//! operating system's conventions (`unix`, `windows` or `plan9`; Go's
//! other `GOOS` names follow Unix), purely lexical: no file system.

mod clean;
mod funcs;
mod matching;
mod os;

use tenon_eval::builtin::{Member, Package};

pub static PACKAGE: Package = Package {
    path: "path",
    members: &[
        Member::source("Unix", "\"unix\""),
        Member::source("Windows", "\"windows\""),
        Member::source("Plan9", "\"plan9\""),
        Member::func_optional("Split", &["path", "os"], 1, funcs::split),
        Member::func("SplitList", &["path", "os"], funcs::split_list),
        Member::func_optional("Join", &["elem", "os"], 1, funcs::join),
        Member::func_optional("Match", &["pattern", "name", "os"], 1, matching::match_),
        Member::func_optional("Clean", &["path", "os"], 1, funcs::clean),
        Member::func("ToSlash", &["path", "os"], funcs::to_slash),
        Member::func("FromSlash", &["path", "os"], funcs::from_slash),
        Member::func_optional("Ext", &["path", "os"], 1, funcs::ext),
        Member::func_optional("Resolve", &["dir", "sub", "os"], 1, funcs::resolve),
        Member::func_optional("Rel", &["basepath", "targpath", "os"], 1, funcs::rel),
        Member::func_optional("Base", &["path", "os"], 1, funcs::base),
        Member::func_optional("Dir", &["path", "os"], 1, funcs::dir),
        Member::func_optional("IsAbs", &["path", "os"], 1, funcs::is_abs),
        Member::func_optional("VolumeName", &["path", "os"], 1, funcs::volume_name),
    ],
};
