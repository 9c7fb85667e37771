//! Loading a package with `-t` tags applied: build tags (`-t prod`)
//! choose the files whose `@if` holds, injected values (`-t name=value`)
//! fill the `@tag` fields. Shared by `export`, `eval` and `render`.

use super::load::{self, Loaded};
use std::path::PathBuf;
use tenon_eval::tags::{inject_tags, BuildTags, Tag};

/// The package named by `paths` and its imports, tags applied. Tag
/// errors in files are diagnostics of the result; a tag nothing reads
/// stops the command.
pub fn load(paths: &[PathBuf], tags: &[String]) -> Result<Loaded, String> {
    let tags: Vec<Tag> = tags.iter().map(|t| Tag::parse(t)).collect();
    let mut build = BuildTags::new(&tags);
    let mut loaded = load::load(paths, &mut build)?;
    let files = loaded.files.iter_mut().chain(
        loaded
            .packages
            .iter_mut()
            .flat_map(|(_, files)| files.iter_mut()),
    );
    let injected = inject_tags(files, &tags);
    loaded.diagnostics.extend(injected.diagnostics);
    if loaded.diagnostics.iter().any(|d| d.is_error()) {
        return Ok(loaded);
    }
    // A tag without a value may be read by `@if` attributes only.
    let unused = injected
        .unused
        .iter()
        .map(|&i| &tags[i])
        .find(|tag| tag.value.is_some() || !build.was_read(&tag.name));
    if let Some(tag) = unused {
        let name = &tag.name;
        return Err(match tag.value {
            Some(_) => format!("no field has a @tag({name}) attribute for -t {name}"),
            None => format!(
                "no @if attribute reads {name} and no @tag attribute has it as a short form, for -t {name}"
            ),
        });
    }
    Ok(loaded)
}
