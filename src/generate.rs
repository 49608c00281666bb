//! The files written from the crate's tables, and the test that keeps them current.
//!
//! Each table has one home in Rust (`catalog`, `error::ErrorCode`, `wire::LIMITS`); what other
//! languages and crates need of it is written from there:
//!
//! | file | region | from |
//! |---|---|---|
//! | `types/index.d.ts` | `error-codes`, `categories`, `pay-referrers` | `ErrorCode::ALL`, `catalog::CATEGORIES`, `catalog::PAY_REFERRERS` |
//! | `types/index.d.ts`, `types/v2.d.ts` | `field-tables` | the field tables, one interface each (`AgainPaymentFields`, …), which the hand-written input types extend |
//! | `js/bridge.js` | `limits` | `wire::LIMITS` |
//! | `src/wire.rs` | `limit-texts` | `wire::LIMITS` |
//! | `tests/generated/tables.rs` | the whole file | every `catalog` table, as data for the tests and fuzzers outside the crate |
//!
//! A region lies between a line `// @generated <name> begin` and a line `// @generated <name> end`
//! (the rest of the file is hand-written). `cargo test --lib generate` fails when a file is stale;
//! `NAVERPAY_REGENERATE=1 cargo test --lib generate` rewrites it.

use std::fmt::Write as _;
use std::path::Path;

use crate::catalog::{self, Field, Limit, Type};
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

/// `wire::LIMIT_TEXTS`: the figures of each kind of limit (`≤ 1000 items`), kinds in table order.
fn limit_texts() -> String {
    let mut kinds: Vec<u8> = LIMITS.iter().map(|l| l.kind).collect();
    kinds.dedup();
    let mut rows = String::new();
    for kind in kinds {
        let figures: Vec<String> =
            LIMITS.iter().filter(|l| l.kind == kind).map(|l| format!("≤ {} {}", l.value, l.unit)).collect();
        let _ = write!(rows, "(b'{}', \"{}\"), ", char::from(kind), figures.join(", "));
    }
    let item = format!("pub(crate) const LIMIT_TEXTS: &[(u8, &str)] = &[{rows}];\n");
    let formatted = rustfmt(&item);
    format!(
        "/// LIMIT_EXCEEDED's figures for each kind of limit, the same in both languages.\n\
         #[cfg_attr(not(target_arch = \"wasm32\"), allow(dead_code))]\n{formatted}"
    )
}

/// The names and documentation of js/bridge.js's `LIMITS`, in the order of `wire::LIMITS`.
const LIMIT_NAMES: &[(&str, &str)] = &[
    ("depth", "Nesting: nothing IMP reads is deeper, and a cycle must end."),
    ("items", "Items of one array, read from `length` before walking."),
    ("keys", "Keys of one object; an object with own indexes 0 to 1000 is refused before they are listed."),
    ("chars", "UTF-16 code units of one string or key."),
    ("values", "Values in one call (shared references count each time they are reached), re-entered calls included."),
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

/// Where a table's TypeScript interface is written: the declaration file, the interface's name,
/// and whether an optional key also takes `null` (V1's browser parameters count `null` as not
/// entered and declare it; the server inputs and V2 declare `undefined` only).
struct Ts {
    file: &'static str,
    name: &'static str,
    null: bool,
}

const fn ts(file: &'static str, name: &'static str, null: bool) -> Ts {
    Ts { file, name, null }
}

const INDEX: &str = "types/index.d.ts";
const V2: &str = "types/v2.d.ts";

/// Every field table of the catalog, by its name there, with its TypeScript interface: the nested
/// tables too, so that a row of any table reaches the declarations by regeneration alone.
const FIELD_TABLES: &[(&str, &[Field], Ts)] = &[
    ("REQUEST_PAY", catalog::REQUEST_PAY, ts(INDEX, "RequestPayFields", true)),
    ("PRODUCT", catalog::PRODUCT, ts(INDEX, "NaverProductFields", true)),
    ("AGAIN", catalog::AGAIN, ts(INDEX, "AgainPaymentFields", false)),
    ("PAYMENT_EXTRA", catalog::PAYMENT_EXTRA, ts(INDEX, "PaymentExtraFields", false)),
    ("SCHEDULE", catalog::SCHEDULE, ts(INDEX, "SchedulePaymentFields", false)),
    ("SCHEDULE_ITEM", catalog::SCHEDULE_ITEM, ts(INDEX, "ScheduleFields", false)),
    ("UNSCHEDULE", catalog::UNSCHEDULE, ts(INDEX, "UnschedulePaymentFields", false)),
    ("DELETE_BILLING_KEY", catalog::DELETE_BILLING_KEY, ts(INDEX, "DeleteBillingKeyFields", false)),
    ("REQUESTER_EXTRA", catalog::REQUESTER_EXTRA, ts(INDEX, "RequesterExtraFields", false)),
    ("CANCEL", catalog::CANCEL, ts(INDEX, "CancelPaymentFields", false)),
    ("PAY_OPTIONS", catalog::PAY_OPTIONS, ts(INDEX, "ValidateOptionsFields", false)),
    ("BODY_OPTIONS", catalog::BODY_OPTIONS, ts(INDEX, "BodyOptionsFields", false)),
    ("V2_PAYMENT", catalog::V2_PAYMENT, ts(V2, "PaymentFieldsV2", false)),
    ("V2_BILLING_KEY", catalog::V2_BILLING_KEY, ts(V2, "BillingKeyFieldsV2", false)),
    ("V2_CUSTOMER", catalog::V2_CUSTOMER, ts(V2, "CustomerFieldsV2", false)),
    ("V2_WINDOW_TYPES", catalog::V2_WINDOW_TYPES, ts(V2, "WindowTypesFieldsV2", false)),
    ("V2_EASY_PAY", catalog::V2_EASY_PAY, ts(V2, "EasyPayFieldsV2", false)),
    ("V2_PAYMENT_BYPASS", catalog::V2_PAYMENT_BYPASS, ts(V2, "PaymentBypassFieldsV2", false)),
    ("V2_NAVERPAY_BYPASS", catalog::V2_NAVERPAY_BYPASS, ts(V2, "NaverpayBypassFieldsV2", false)),
    ("V2_PRODUCT_ITEM", catalog::V2_PRODUCT_ITEM, ts(V2, "NaverpayProductItemFieldsV2", false)),
    ("V2_BILLING_KEY_BYPASS", catalog::V2_BILLING_KEY_BYPASS, ts(V2, "BillingKeyBypassFieldsV2", false)),
    ("V2_NAVERPAY_BILLING_BYPASS", catalog::V2_NAVERPAY_BILLING_BYPASS, ts(V2, "NaverpayBillingBypassFieldsV2", false)),
];

/// A row's TypeScript type, as wide as its check takes: every hand-written declaration built on
/// the interface narrows it (a literal union, an element type, an object's shape).
fn ts_type(ty: Type) -> &'static str {
    match ty {
        Type::Str | Type::Text => "string",
        Type::Int => "number",
        Type::Bool => "boolean",
        Type::Obj => "object",
        Type::Arr => "readonly unknown[]",
        Type::StrOrArr => "string | readonly string[]",
        Type::Date => "string | number",
        Type::Any => "unknown",
    }
}

/// A row's one-line documentation: its limit and how a Naver Pay call treats it, or none.
fn ts_doc(field: &Field) -> Option<String> {
    let each = if field.ty == Type::Arr { "Each at most" } else { "At most" };
    let limit = match field.limit {
        Limit::Unbounded => None,
        Limit::Chars(n) => Some(format!("{each} {n} characters.")),
        Limit::Bytes(n) => Some(format!("{each} {n} bytes of UTF-8.")),
    };
    let flag = if field.has(catalog::UNSUPPORTED) {
        Some("Documented for other PGs; no place in a Naver Pay request (an `UNSUPPORTED_FIELD` error).")
    } else if field.has(catalog::IGNORED) {
        Some("Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning).")
    } else if field.has(catalog::DEPRECATED) {
        Some("Replaced or dropped by PortOne: passed on with a `DEPRECATED_FIELD` warning.")
    } else {
        None
    };
    match (limit, flag) {
        (None, None) => None,
        (Some(limit), None) => Some(limit),
        (None, Some(flag)) => Some(flag.to_owned()),
        (Some(limit), Some(flag)) => Some(format!("{limit} {flag}")),
    }
}

/// The interfaces of the tables whose declarations live in `file`: each row a key, optional,
/// typed by [`ts_type`]; the hand-written declarations extend them and narrow what they know more of.
fn field_interfaces(file: &str) -> String {
    let mut out = String::new();
    for (table_name, table, ts) in FIELD_TABLES {
        if ts.file != file {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        jsdoc(
            &mut out,
            "",
            &format!(
                "The fields of `{table_name}` (src/catalog.rs), as its check takes them: every key optional. \
                 Written by src/generate.rs."
            ),
        );
        let _ = writeln!(out, "export interface {} {{", ts.name);
        for field in *table {
            if let Some(doc) = ts_doc(field) {
                jsdoc(&mut out, "  ", &doc);
            }
            let ty = ts_type(field.ty);
            let absent = if field.ty == Type::Any {
                ""
            } else if ts.null {
                " | null | undefined"
            } else {
                " | undefined"
            };
            let _ = writeln!(out, "  {}?: {ty}{absent};", field.name);
        }
        out.push_str("}\n");
    }
    out
}

/// A field type's name; a new type fails to compile here until the mirror below knows it.
fn type_name(ty: Type) -> &'static str {
    match ty {
        Type::Str => "Str",
        Type::Text => "Text",
        Type::Int => "Int",
        Type::Bool => "Bool",
        Type::Obj => "Obj",
        Type::Arr => "Arr",
        Type::StrOrArr => "StrOrArr",
        Type::Date => "Date",
        Type::Any => "Any",
    }
}

/// `limit` as tests/generated/tables.rs writes it (every variant named: a new one must be written here).
fn limit_rs(limit: Limit) -> String {
    match limit {
        Limit::Unbounded => "Limit::Unbounded".to_owned(),
        Limit::Chars(n) => format!("Limit::Chars({n})"),
        Limit::Bytes(n) => format!("Limit::Bytes({n})"),
    }
}

/// tests/generated/tables.rs: the tables as data for the integration tests, the property tests
/// and the fuzzers, which cannot see the crate's own (`catalog` is private to the crate).
fn tables_rs() -> String {
    use catalog::{DEPRECATED, IGNORED, REQUIRED, REQUIRED_BILLING, RULE, UNSUPPORTED};
    let tables = FIELD_TABLES;
    let strings = |out: &mut String, items: &[&str]| {
        for item in items {
            let _ = writeln!(out, "    {},", quoted(item, '"'));
        }
    };
    let mut out = String::from(
        "// Generated by src/generate.rs from src/catalog.rs: do not edit. Regenerate with\n\
         // `NAVERPAY_REGENERATE=1 cargo test --lib generate`. The crate's tables as data for the tests\n\
         // and fuzzers outside it (`#[path = \"generated/tables.rs\"] mod catalog;`).\n\
         #![allow(dead_code)]\n\n\
         /// A field's type as PortOne documents it (`catalog::Type`).\n\
         #[derive(Clone, Copy, Debug, PartialEq, Eq)]\n\
         pub enum Type {\n",
    );
    for ty in
        [Type::Str, Type::Text, Type::Int, Type::Bool, Type::Obj, Type::Arr, Type::StrOrArr, Type::Date, Type::Any]
    {
        let _ = writeln!(out, "    {},", type_name(ty));
    }
    out.push_str("}\n\n/// A field's documented limit (`catalog::Limit`).\n");
    out.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq)]\npub enum Limit {\n");
    out.push_str("    Unbounded,\n    Chars(u8),\n    Bytes(u8),\n}\n\n");
    out.push_str("/// One documented field of one call (`catalog::Field`).\n");
    out.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq)]\npub struct Field {\n");
    out.push_str("    pub name: &'static str,\n    pub ty: Type,\n    pub limit: Limit,\n    pub flags: u8,\n}\n\n");
    out.push_str(
        "impl Field {\n    pub fn has(&self, flag: u8) -> bool {\n        self.flags & flag != 0\n    }\n}\n\n",
    );
    out.push_str("/// The row named `name` of `table`.\n");
    out.push_str("pub fn field<'t>(table: &'t [Field], name: &str) -> Option<&'t Field> {\n");
    out.push_str("    table.iter().find(|f| f.name == name)\n}\n\n");
    for (name, value) in [
        ("REQUIRED", REQUIRED),
        ("REQUIRED_BILLING", REQUIRED_BILLING),
        ("RULE", RULE),
        ("IGNORED", IGNORED),
        ("DEPRECATED", DEPRECATED),
        ("UNSUPPORTED", UNSUPPORTED),
    ] {
        let _ = writeln!(out, "pub const {name}: u8 = {value};");
    }
    out.push_str("\nconst fn f(name: &'static str, ty: Type, limit: Limit, flags: u8) -> Field {\n");
    out.push_str("    Field { name, ty, limit, flags }\n}\n");
    for (name, table, _) in tables {
        let _ = writeln!(out, "\npub const {name}: &[Field] = &[");
        for field in *table {
            let _ = writeln!(
                out,
                "    f({}, Type::{}, {}, {}),",
                quoted(field.name, '"'),
                type_name(field.ty),
                limit_rs(field.limit),
                field.flags
            );
        }
        out.push_str("];\n");
    }
    out.push_str("\n/// Naver Pay's product categories: each `categoryType` with its `categoryId`s.\n");
    out.push_str("pub const CATEGORIES: &[(&str, &[&str])] = &[\n");
    for (category_type, ids) in catalog::CATEGORIES {
        let ids: Vec<String> = ids.iter().map(|id| quoted(id, '"')).collect();
        let _ = writeln!(out, "    ({}, &[{}]),", quoted(category_type, '"'), ids.join(", "));
    }
    out.push_str("];\n\n/// Allowed `payReferrer` values.\npub const PAY_REFERRERS: &[&str] = &[\n");
    strings(&mut out, catalog::PAY_REFERRERS);
    out.push_str("];\n\n/// Every field table, by its name in src/catalog.rs.\npub const FIELD_TABLES: &[(&str, &[Field])] = &[\n");
    for (name, _, _) in tables {
        let _ = writeln!(out, "    ({}, {name}),", quoted(name, '"'));
    }
    out.push_str("];\n");
    rustfmt(&out)
}

/// `code` as `cargo fmt` leaves it (with the repository's rustfmt.toml), so that formatting the
/// tree never makes a generated file stale.
fn rustfmt(code: &str) -> String {
    use std::io::Write as _;
    use std::process::{Command, Stdio};
    let config = Path::new(env!("CARGO_MANIFEST_DIR")).join("rustfmt.toml");
    let mut child = Command::new("rustfmt")
        .args(["--edition", "2021", "--emit", "stdout", "--config-path"])
        .arg(config)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("rustfmt (rustup component add rustfmt): {e}"));
    child.stdin.take().map(|mut stdin| stdin.write_all(code.as_bytes())).transpose().expect("rustfmt's input");
    let out = child.wait_with_output().expect("rustfmt");
    assert!(out.status.success(), "rustfmt refused the generated code:\n{code}");
    String::from_utf8(out.stdout).expect("UTF-8")
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
            INDEX,
            Content::Regions(vec![
                ("error-codes", error_codes()),
                ("categories", categories()),
                ("pay-referrers", pay_referrers()),
                ("field-tables", field_interfaces(INDEX)),
            ]),
        ),
        (V2, Content::Regions(vec![("field-tables", field_interfaces(V2))])),
        ("js/bridge.js", Content::Regions(vec![("limits", limits())])),
        ("src/wire.rs", Content::Regions(vec![("limit-texts", limit_texts())])),
        ("tests/generated/tables.rs", Content::Whole(tables_rs())),
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
