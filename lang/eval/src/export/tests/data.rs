//! The `Data` tree: replay and rebuild.

use super::{list, n, obj, s};
use crate::export::{Data, DataBuilder};

#[test]
fn builder_rebuilds_what_data_emits() {
    let docs = [
        obj([
            ("a", list([n("1"), s("x"), Data::Null, Data::Bool(true)])),
            (
                "b",
                obj([
                    ("c", Data::Bytes(vec![0, 1, 2])),
                    ("d", obj([])),
                    ("e", list([])),
                ]),
            ),
        ]),
        s("second"),
        list([list([]), obj([("k", n("2"))])]),
    ];
    let mut builder = DataBuilder::new();
    for doc in &docs {
        doc.emit(&mut builder);
    }
    assert_eq!(builder.finish(), docs.to_vec());
}
