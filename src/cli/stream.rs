//! JSON written to standard output while it is produced, so that a large
//! export is never held in memory as one document.

use std::io::{self, Write};
use tenon_eval::export::{Emit, JsonWriter};

/// How much text is buffered before it is written out.
const CHUNK: usize = 1 << 16;

/// An export writer that passes `cue export` JSON on to standard output.
#[derive(Debug)]
pub struct StreamedJson {
    writer: JsonWriter,
    sink: io::StdoutLock<'static>,
    error: Option<io::Error>,
}

impl StreamedJson {
    pub fn new() -> Self {
        StreamedJson {
            writer: JsonWriter::export(),
            sink: io::stdout().lock(),
            error: None,
        }
    }

    /// Writes out what the writer holds once it is at least `at_least`
    /// bytes (the first write error is kept; nothing is written after it).
    fn drain(&mut self, at_least: usize) {
        if self.writer.as_str().len() < at_least {
            return;
        }
        let text = self.writer.take();
        if self.error.is_none() {
            if let Err(error) = self.sink.write_all(text.as_bytes()) {
                self.error = Some(error);
            }
        }
    }

    /// Writes the rest; the first write error, if any.
    pub fn finish(mut self) -> io::Result<()> {
        self.drain(0);
        if let Some(error) = self.error.take() {
            return Err(error);
        }
        self.sink.flush()
    }
}

impl Emit for StreamedJson {
    fn null(&mut self) {
        self.writer.null();
        self.drain(CHUNK);
    }

    fn bool(&mut self, value: bool) {
        self.writer.bool(value);
        self.drain(CHUNK);
    }

    fn number(&mut self, text: &str) {
        self.writer.number(text);
        self.drain(CHUNK);
    }

    fn string(&mut self, value: &str) {
        self.writer.string(value);
        self.drain(CHUNK);
    }

    fn bytes(&mut self, value: &[u8]) {
        self.writer.bytes(value);
        self.drain(CHUNK);
    }

    fn begin_list(&mut self, len: usize) {
        self.writer.begin_list(len);
    }

    fn end_list(&mut self) {
        self.writer.end_list();
        self.drain(CHUNK);
    }

    fn begin_struct(&mut self, len: usize) {
        self.writer.begin_struct(len);
    }

    fn key(&mut self, key: &str) {
        self.writer.key(key);
    }

    fn end_struct(&mut self) {
        self.writer.end_struct();
        self.drain(CHUNK);
    }
}
