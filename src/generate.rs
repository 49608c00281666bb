//! The files written from the crate's tables, and the test that keeps them current.
//!
//! Each table has one home in Rust (`catalog`, `error::ErrorCode`, `wire::LIMITS`); what other
//! languages and crates need of it is written from there:
//!
//! | file | region | from |
//! |---|---|---|
//! | `types/index.d.ts` | `error-codes`, `categories`, `pay-referrers` | `ErrorCode::ALL`, `catalog::CATEGORIES`, `catalog::PAY_REFERRERS` |
//! | `js/bridge.js` | `limits` | `wire::LIMITS` |
//! | `tests/generated/keys.rs` | the whole file | every `catalog` field table |
//!
//! A region lies between a line `// @generated <name> begin` and a line `// @generated <name> end`
//! (the rest of the file is hand-written). `cargo test --lib generate` fails when a file is stale;
//! `NAVERPAY_REGENERATE=1 cargo test --lib generate` rewrites it.

use std::fmt::Write as _;
use std::path::Path;

use crate::catalog::{self, Field};
use crate::error::ErrorCode;
use crate::wire::LIMITS;

/// The command that rewrites the generated files, as the staleness failure names it.
const REGENERATE: &str = "NAVERPAY_REGENERATE=1 cargo test --lib generate";

/// A string literal as TypeScript, JavaScript and Rust all read it (the tables hold plain ASCII
/// names; anything else would need escapes these files never use).
fn quoted(s: &str, quote: char) -> String {
    assert!(s.chars().all(|c| c.is_ascii_graphic() && c != '\'' && c != '"' && c != '\\'), "{s:?} would need escaping");
    format!("{quote}{s}{quote}")
}

/// A JSDoc comment at `indent`, on one line when it fits in 100 columns.
fn jsdoc(out: &mut String, indent: &str, text: &str) {
    let one_line = format!("{indent}/** {text} */");
    if one_line.chars().count() <= 100 {
        out.push_str(&one_line);
        out.push('\n');
        return;
    }
    out.push_str(indent);
    out.push_str("/**\n");
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && indent.len() + 3 + line.chars().count() + 1 + word.chars().count() > 100 {
            let _ = writeln!(out, "{indent} * {line}");
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    let _ = writeln!(out, "{indent} * {line}");
    let _ = writeln!(out, "{indent} */");
}

/// `| 'A'` lines at `indent`, the last ending with `;`.
fn union_lines(out: &mut String, indent: &str, items: &[&str]) {
    for (i, item) in items.iter().enumerate() {
        let end = if i + 1 == items.len() { ";" } else { "" };
        let _ = writeln!(out, "{indent}| {}{end}", quoted(item, '\''));
    }
}

/// `ErrorCode`'s members, each with its documentation.
fn error_codes() -> String {
    let mut out = String::new();
    for (i, code) in ErrorCode::ALL.iter().enumerate() {
        jsdoc(&mut out, "  ", code.doc());
        let end = if i + 1 == ErrorCode::ALL.len() { ";" } else { "" };
        let _ = writeln!(out, "  | {}{end}", quoted(code.as_str(), '\''));
    }
    out
}

/// `NaverCategoryIds`'s members: each `categoryType` with its `categoryId`s.
fn categories() -> String {
    let mut out = String::new();
    for (category_type, ids) in catalog::CATEGORIES {
        let one_line: Vec<String> = ids.iter().map(|id| quoted(id, '\'')).collect();
        let line = format!("  {category_type}: {};", one_line.join(" | "));
        if line.chars().count() <= 100 {
            out.push_str(&line);
            out.push('\n');
        } else {
            let _ = writeln!(out, "  {category_type}:");
            union_lines(&mut out, "    ", ids);
        }
    }
    out
}

/// `PayReferrer`'s members.
fn pay_referrers() -> String {
    let mut out = String::new();
    union_lines(&mut out, "  ", catalog::PAY_REFERRERS);
    out
}

/// The names and documentation of js/bridge.js's `LIMITS`, in the order of `wire::LIMITS`.
const LIMIT_NAMES: &[(&str, &str)] = &[
    ("depth", "Nesting: nothing IMP reads is deeper, and a cycle must end."),
    ("items", "Items of one array, read from `length` before walking."),
    ("keys", "Keys of one object."),
    ("chars", "UTF-16 code units of one string or key."),
    ("values", "Values in one call (shared references count each time they are reached)."),
    ("text", "UTF-16 code units of the whole text, far below V8's longest string (2^29 - 24)."),
];

/// js/bridge.js's `LIMITS`.
fn limits() -> String {
    assert_eq!(LIMIT_NAMES.len(), LIMITS.len(), "a limit without its name in LIMIT_NAMES");
    let mut out = String::new();
    jsdoc(
        &mut out,
        "",
        "Limits of one call (README, \"Reliability and security\"); each stops the walk before it starts. \
         Written from `LIMITS` of src/wire.rs by src/generate.rs.",
    );
    out.push_str("const LIMITS = {\n");
    for (limit, (name, doc)) in LIMITS.iter().zip(LIMIT_NAMES) {
        jsdoc(&mut out, "  ", doc);
        let _ = writeln!(out, "  {name}: {},", js_number(limit.value));
    }
    out.push_str("};\n");
    out
}

/// `n` with `_` between groups of three digits from 10,000 up, as the JavaScript is written.
fn js_number(n: u32) -> String {
    let digits = n.to_string();
    if n < 10_000 {
        return digits;
    }
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('_');
        }
        out.push(c);
    }
    out
}

/// The field names of `tables`, each once, in table order.
fn names(tables: &[&[Field]]) -> Vec<&'static str> {
    let mut names: Vec<&'static str> = Vec::new();
    for field in tables.iter().flat_map(|t| t.iter()) {
        if !names.contains(&field.name) {
            names.push(field.name);
        }
    }
    names
}

/// tests/generated/keys.rs: the key lists of the property tests and the fuzzers.
fn keys_rs() -> String {
    use catalog::{
        AGAIN, CANCEL, DELETE_BILLING_KEY, PAYMENT_EXTRA, PRODUCT, REQUESTER_EXTRA, REQUEST_PAY, SCHEDULE,
        SCHEDULE_ITEM, UNSCHEDULE,
    };
    let list = |out: &mut String, doc: &str, name: &str, items: &[&str]| {
        let _ = writeln!(out, "\n/// {doc}\n#[allow(dead_code)]\npub const {name}: &[&str] = &[");
        for item in items {
            let _ = writeln!(out, "    {},", quoted(item, '"'));
        }
        out.push_str("];\n");
    };
    let mut out = String::from(
        "// Generated by src/generate.rs from the tables of src/catalog.rs: do not edit.\n\
         // Regenerate with `NAVERPAY_REGENERATE=1 cargo test --lib generate`.\n",
    );
    list(
        &mut out,
        "The keys of `IMP.request_pay` and of a `naverProducts` item (`REQUEST_PAY`, `PRODUCT`).",
        "REQUEST_KEYS",
        &names(&[REQUEST_PAY, PRODUCT]),
    );
    list(
        &mut out,
        "The keys of every table: the request, the products and every REST body.",
        "FIELD_KEYS",
        &names(&[
            REQUEST_PAY,
            PRODUCT,
            AGAIN,
            PAYMENT_EXTRA,
            SCHEDULE,
            SCHEDULE_ITEM,
            UNSCHEDULE,
            DELETE_BILLING_KEY,
            REQUESTER_EXTRA,
            CANCEL,
        ]),
    );
    out
}

/// `text` with the lines between `// @generated <name> begin` and `… end` replaced by `region`;
/// an error when the markers are not there exactly once each, in that order.
fn replace_region(text: &str, name: &str, region: &str) -> Result<String, String> {
    let begin = format!("// @generated {name} begin");
    let end = format!("// @generated {name} end");
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let find = |marker: &str| {
        let at: Vec<usize> = lines.iter().enumerate().filter(|(_, l)| l.trim() == marker).map(|(i, _)| i).collect();
        match at.as_slice() {
            [i] => Ok(*i),
            _ => Err(format!("expected exactly one line `{marker}`, found {}", at.len())),
        }
    };
    let (b, e) = (find(&begin)?, find(&end)?);
    if e < b {
        return Err(format!("`{end}` comes before `{begin}`"));
    }
    Ok([lines[..=b].concat(), region.to_owned(), lines[e..].concat()].concat())
}

/// What one generated file should hold: its regions replaced, or its whole text.
enum Content {
    Regions(Vec<(&'static str, String)>),
    Whole(String),
}

fn generated() -> Vec<(&'static str, Content)> {
    vec![
        (
            "types/index.d.ts",
            Content::Regions(vec![
                ("error-codes", error_codes()),
                ("categories", categories()),
                ("pay-referrers", pay_referrers()),
            ]),
        ),
        ("js/bridge.js", Content::Regions(vec![("limits", limits())])),
        ("tests/generated/keys.rs", Content::Whole(keys_rs())),
    ]
}

#[test]
fn generated_files_are_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let regenerate = std::env::var_os("NAVERPAY_REGENERATE").is_some();
    let mut stale = Vec::new();
    for (path, content) in generated() {
        let file = root.join(path);
        let current = std::fs::read_to_string(&file).unwrap_or_default();
        let wanted = match content {
            Content::Whole(text) => text,
            Content::Regions(regions) => regions
                .iter()
                .try_fold(current.clone(), |text, (name, region)| {
                    replace_region(&text, name, region).map_err(|e| format!("{path}: {e}"))
                })
                .unwrap_or_else(|e| panic!("{e}")),
        };
        if wanted == current {
            continue;
        }
        if regenerate {
            std::fs::create_dir_all(file.parent().unwrap_or(root)).unwrap_or_else(|e| panic!("{path}: {e}"));
            std::fs::write(&file, wanted).unwrap_or_else(|e| panic!("{path}: {e}"));
        } else {
            stale.push(path);
        }
    }
    assert!(stale.is_empty(), "stale, not what the tables say: {stale:?}; regenerate with `{REGENERATE}`");
}

#[test]
fn a_region_is_replaced_between_its_markers_only() {
    let text = "a\n  // @generated x begin\nold\n  // @generated x end\nb\n";
    assert_eq!(
        replace_region(text, "x", "new\n"),
        Ok("a\n  // @generated x begin\nnew\n  // @generated x end\nb\n".to_owned())
    );
    for bad in [
        "// @generated x begin\n",
        "// @generated x end\n// @generated x begin\n",
        "// @generated x begin\n// @generated x begin\n// @generated x end\n",
    ] {
        assert!(replace_region(bad, "x", "").is_err(), "{bad:?} was accepted");
    }
}

#[test]
fn long_lists_wrap_and_numbers_group() {
    assert_eq!(js_number(16), "16");
    assert_eq!(js_number(100_000), "100_000");
    assert_eq!(js_number(2_000_000), "2_000_000");
    let mut out = String::new();
    jsdoc(&mut out, "  ", "word ".repeat(30).trim());
    assert!(out.lines().count() > 3 && out.lines().all(|l| l.chars().count() <= 100), "{out}");
    assert!(categories().contains("  INSURANCE:\n    | 'CAR'\n"));
}
