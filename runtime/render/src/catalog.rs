//! The catalog: every definition a render can use, by kind and name,
//! compiled once and shared (`Arc`) between renders and threads. The
//! built-in definitions come from `tenon-stdlib`; user directories add to
//! them and may replace a built-in one of the same kind and name.

use crate::definition::{Definition, DefinitionKind, CONTEXT_PRELUDE};
use indexmap::IndexMap;
use std::sync::Arc;
use tenon_diagnostics::{Diagnostic, SourceMap};
use tenon_syntax::ast;

#[derive(Debug)]
pub struct Catalog {
    definitions: IndexMap<(DefinitionKind, String), Arc<Definition>>,
    prelude: ast::File,
}

impl Catalog {
    /// A catalog with no definitions.
    pub fn empty(sources: &mut SourceMap) -> Catalog {
        let id = sources.add("<tenon:context>", CONTEXT_PRELUDE);
        let prelude = tenon_syntax::parse_file(id, CONTEXT_PRELUDE).file;
        Catalog {
            definitions: IndexMap::new(),
            prelude,
        }
    }

    /// The built-in catalog. Its diagnostics are bugs of Tenon (tests
    /// check there are none).
    pub fn builtin(sources: &mut SourceMap) -> (Catalog, Vec<Diagnostic>) {
        let mut catalog = Catalog::empty(sources);
        let mut diagnostics = Vec::new();
        for (name, text) in tenon_stdlib::catalog::DEFINITIONS {
            if let Err(more) = catalog.add(&format!("<catalog>/{name}"), text, sources) {
                diagnostics.extend(more);
            }
        }
        (catalog, diagnostics)
    }

    /// Loads one definition file; a definition of the same kind and name
    /// replaces the earlier one.
    pub fn add(
        &mut self,
        name: &str,
        text: &str,
        sources: &mut SourceMap,
    ) -> Result<Arc<Definition>, Vec<Diagnostic>> {
        let definition = Arc::new(Definition::load(name, text, &self.prelude, sources)?);
        self.definitions.insert(
            (definition.kind, definition.name.clone()),
            definition.clone(),
        );
        Ok(definition)
    }

    /// The definition of `kind` named `name` (no allocation: this is on
    /// every component's and trait's path).
    pub fn get(&self, kind: DefinitionKind, name: &str) -> Option<&Arc<Definition>> {
        self.definitions.get(&Key(kind, name))
    }

    /// The definitions of one kind, in the order they were added.
    pub fn of_kind(&self, kind: DefinitionKind) -> impl Iterator<Item = &Arc<Definition>> {
        self.definitions.values().filter(move |d| d.kind == kind)
    }

    /// Every definition.
    pub fn iter(&self) -> impl Iterator<Item = &Arc<Definition>> {
        self.definitions.values()
    }

    /// Definitions with this name, of any kind.
    pub fn named(&self, name: &str) -> impl Iterator<Item = &Arc<Definition>> {
        let name = name.to_string();
        self.definitions.values().filter(move |d| d.name == name)
    }
}

/// A borrowed `(kind, name)` key, looked up without building a `String`:
/// it hashes and compares as the owned tuple does.
#[derive(Debug)]
struct Key<'a>(DefinitionKind, &'a str);

impl std::hash::Hash for Key<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // As `(DefinitionKind, String)` hashes: each part in order.
        self.0.hash(state);
        self.1.hash(state);
    }
}

impl indexmap::Equivalent<(DefinitionKind, String)> for Key<'_> {
    fn equivalent(&self, key: &(DefinitionKind, String)) -> bool {
        self.0 == key.0 && self.1 == key.1
    }
}
