//! Rendering a whole application: its policies checked, then every
//! component at every placement.

use crate::app::App;
use crate::catalog::Catalog;
use crate::component::{find, render_component};
use crate::context::Target;
use crate::definition::DefinitionKind;
use crate::objects::Object;
use crate::placement::placements;
use tenon_diagnostics::Diagnostic;

/// The objects of one target.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetObjects {
    pub target: Target,
    pub objects: Vec<Object>,
}

/// Renders `app`: the objects of every target, or every error found
/// (all components and traits are rendered before giving up).
pub fn render(catalog: &Catalog, app: &App) -> Result<Vec<TargetObjects>, Vec<Diagnostic>> {
    let mut diagnostics = Vec::new();
    for policy in &app.policies {
        if let Some(definition) = find(
            catalog,
            DefinitionKind::Policy,
            &policy.typed,
            &mut diagnostics,
        ) {
            diagnostics.extend(crate::properties::check(&policy.typed, &definition));
        }
    }
    let placements = placements(app, &mut diagnostics);
    let mut out = Vec::new();
    for placement in placements {
        let mut objects = Vec::new();
        for component in &placement.components {
            objects.extend(render_component(
                catalog,
                app,
                component,
                &placement.target,
                &mut diagnostics,
            ));
        }
        out.push(TargetObjects {
            target: placement.target,
            objects,
        });
    }
    if diagnostics.is_empty() {
        Ok(out)
    } else {
        diagnostics.sort_by_key(|d| d.span());
        diagnostics.dedup_by(|a, b| a.message == b.message && a.span() == b.span());
        Err(diagnostics)
    }
}
