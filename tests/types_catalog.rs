//! The hand-written TypeScript declarations (`types/index.d.ts`) list exactly the vocabulary of
//! the crate's one table of each kind: the categories of `catalog::CATEGORIES` (each type with
//! exactly its ids), `catalog::PAY_REFERRERS` and every `ErrorCode::ALL` string, in the same order.
//!
//! The d.ts marks each list with `// @catalog <name> begin` / `// @catalog <name> end`; between
//! the markers only comments, string literals, `|`, `;` and (for categories) `NAME:` may appear,
//! so a list cannot hide behind an alias the parser would not see.

use naverpay_checkout::catalog::{CATEGORIES, PAY_REFERRERS};
use naverpay_checkout::ErrorCode;

const INDEX_D_TS: &str = include_str!("../types/index.d.ts");

#[derive(Debug, PartialEq)]
enum Token {
    Ident(String),
    Str(String),
    Punct(char),
}

/// The text between `// @catalog <name> begin` and `// @catalog <name> end`, with the last
/// non-blank line before the begin marker (the declaration the list belongs to).
fn section<'a>(src: &'a str, name: &str) -> Result<(&'a str, &'a str), String> {
    let begin = format!("// @catalog {name} begin");
    let end = format!("// @catalog {name} end");
    let count = |marker: &str| src.lines().filter(|l| l.trim() == marker).count();
    if count(&begin) != 1 || count(&end) != 1 {
        return Err(format!(
            "expected exactly one `{begin}` line and one `{end}` line"
        ));
    }
    let start = src.find(&begin).ok_or("begin marker not found")?;
    let stop = src.find(&end).ok_or("end marker not found")?;
    if stop < start {
        return Err(format!("`{end}` comes before `{begin}`"));
    }
    let header = src[..start]
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    Ok((header, &src[start + begin.len()..stop]))
}

/// Tokens of a TypeScript fragment, comments skipped. Anything but identifiers, single- or
/// double-quoted strings without escapes and the punctuation `| : ;` is an error.
fn tokenize(text: &str) -> Result<Vec<Token>, String> {
    let mut tokens = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c.is_whitespace() {
            rest = &rest[c.len_utf8()..];
        } else if let Some(after) = rest.strip_prefix("//") {
            rest = after.find('\n').map_or("", |i| &after[i..]);
        } else if let Some(after) = rest.strip_prefix("/*") {
            let close = after.find("*/").ok_or("unterminated comment")?;
            rest = &after[close + 2..];
        } else if c == '\'' || c == '"' {
            let body = &rest[1..];
            let close = body.find(c).ok_or("unterminated string")?;
            let literal = &body[..close];
            if literal.contains('\\') || literal.contains('\n') {
                return Err(format!(
                    "string with an escape or a line break: {literal:?}"
                ));
            }
            tokens.push(Token::Str(literal.to_owned()));
            rest = &body[close + 1..];
        } else if c.is_ascii_alphabetic() || c == '_' {
            let len = rest
                .find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '_'))
                .unwrap_or(rest.len());
            tokens.push(Token::Ident(rest[..len].to_owned()));
            rest = &rest[len..];
        } else if matches!(c, '|' | ':' | ';') {
            tokens.push(Token::Punct(c));
            rest = &rest[1..];
        } else {
            return Err(format!(
                "unexpected {c:?} at {:?}",
                rest.chars().take(30).collect::<String>()
            ));
        }
    }
    Ok(tokens)
}

/// A union of string literals: `| 'A' | 'B' ;` (leading `|` and trailing `;` optional).
fn parse_union(tokens: &[Token]) -> Result<Vec<String>, String> {
    let mut literals = Vec::new();
    let mut expect_literal = true;
    for (i, token) in tokens.iter().enumerate() {
        match token {
            Token::Punct('|') if i == 0 || !expect_literal => expect_literal = true,
            Token::Str(s) if expect_literal => {
                literals.push(s.clone());
                expect_literal = false;
            }
            Token::Punct(';') if !expect_literal && i + 1 == tokens.len() => {}
            other => {
                return Err(format!(
                    "unexpected {other:?} in a union of string literals"
                ))
            }
        }
    }
    if expect_literal {
        return Err("the union is empty or ends with `|`".to_owned());
    }
    Ok(literals)
}

/// Interface members whose types are unions of string literals: `NAME: 'A' | 'B';` …
fn parse_members(tokens: &[Token]) -> Result<Vec<(String, Vec<String>)>, String> {
    let mut members = Vec::new();
    let mut rest = tokens;
    while !rest.is_empty() {
        let name = match rest {
            [Token::Ident(name), Token::Punct(':'), ..] => name.clone(),
            _ => return Err(format!("expected `NAME:` at {:?}", rest.first())),
        };
        let end = rest
            .iter()
            .position(|t| *t == Token::Punct(';'))
            .ok_or(format!("`{name}` lacks `;`"))?;
        members.push((
            name.clone(),
            parse_union(&rest[2..end]).map_err(|e| format!("{name}: {e}"))?,
        ));
        rest = &rest[end + 1..];
    }
    Ok(members)
}

fn union_section(src: &str, name: &str, header: &str) -> Result<Vec<String>, String> {
    let (found_header, text) = section(src, name)?;
    if found_header != header {
        return Err(format!(
            "`// @catalog {name} begin` must follow `{header}`, found `{found_header}`"
        ));
    }
    parse_union(&tokenize(text)?)
}

fn members_section(
    src: &str,
    name: &str,
    header: &str,
) -> Result<Vec<(String, Vec<String>)>, String> {
    let (found_header, text) = section(src, name)?;
    if found_header != header {
        return Err(format!(
            "`// @catalog {name} begin` must follow `{header}`, found `{found_header}`"
        ));
    }
    parse_members(&tokenize(text)?)
}

/// Panics with what is missing, what is extra, and both lists, unless `declared == expected`.
fn assert_same_list(what: &str, declared: &[String], expected: &[&str]) {
    if declared
        .iter()
        .map(String::as_str)
        .eq(expected.iter().copied())
    {
        return;
    }
    let missing: Vec<&&str> = expected
        .iter()
        .filter(|e| !declared.iter().any(|d| d == **e))
        .collect();
    let extra: Vec<&String> = declared
        .iter()
        .filter(|d| !expected.contains(&d.as_str()))
        .collect();
    panic!(
        "types/index.d.ts and the Rust table disagree on {what}\n  missing from the d.ts: {missing:?}\n  \
         not in the Rust table: {extra:?}\n  d.ts:  {declared:?}\n  Rust:  {expected:?}\n  \
         (same set, different order or a duplicate, when both above are empty)"
    );
}

#[test]
fn categories_are_exactly_catalog_categories() {
    let declared = members_section(
        INDEX_D_TS,
        "categories",
        "export interface NaverCategoryIds {",
    )
    .unwrap_or_else(|e| panic!("types/index.d.ts, categories: {e}"));
    let types: Vec<String> = declared.iter().map(|(t, _)| t.clone()).collect();
    let expected_types: Vec<&str> = CATEGORIES.iter().map(|(t, _)| *t).collect();
    assert_same_list("the categoryTypes", &types, &expected_types);
    for ((category_type, ids), (_, expected_ids)) in declared.iter().zip(CATEGORIES) {
        assert_same_list(
            &format!("the categoryIds of {category_type}"),
            ids,
            expected_ids,
        );
    }
}

#[test]
fn pay_referrers_are_exactly_catalog_pay_referrers() {
    let declared = union_section(INDEX_D_TS, "pay-referrers", "export type PayReferrer =")
        .unwrap_or_else(|e| panic!("types/index.d.ts, pay-referrers: {e}"));
    assert_same_list("the payReferrers", &declared, PAY_REFERRERS);
}

#[test]
fn error_codes_are_exactly_error_code_all() {
    let declared = union_section(INDEX_D_TS, "error-codes", "export type ErrorCode =")
        .unwrap_or_else(|e| panic!("types/index.d.ts, error-codes: {e}"));
    let expected: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
    assert_same_list("the error codes", &declared, &expected);
}

// The parser itself: it must see through comments and refuse what it cannot read, or the
// checks above could pass over a list they never parsed.

#[test]
fn parser_reads_unions_and_members_through_comments() {
    let src = "export type X =\n  // @catalog x begin\n  /** doc with 'quotes' */\n  | 'A' // a\n  | \"B\";\n  // @catalog x end\n";
    assert_eq!(
        union_section(src, "x", "export type X ="),
        Ok(vec!["A".to_owned(), "B".to_owned()])
    );
    let src = "interface Y {\n  // @catalog y begin\n  ONE: 'A';\n  TWO:\n    | 'B'\n    | 'C';\n  // @catalog y end\n}";
    assert_eq!(
        members_section(src, "y", "interface Y {"),
        Ok(vec![
            ("ONE".to_owned(), vec!["A".to_owned()]),
            ("TWO".to_owned(), vec!["B".to_owned(), "C".to_owned()])
        ])
    );
}

#[test]
fn parser_refuses_what_it_cannot_read() {
    let cases: &[(&str, &str)] = &[
        (
            "alias in a union",
            "// @catalog x begin\n | 'A' | Other;\n// @catalog x end",
        ),
        (
            "template literal",
            "// @catalog x begin\n | `A${string}`;\n// @catalog x end",
        ),
        ("empty union", "// @catalog x begin\n// @catalog x end"),
        (
            "dangling bar",
            "// @catalog x begin\n | 'A' |\n// @catalog x end",
        ),
        ("missing marker", "// @catalog x begin\n | 'A';"),
        (
            "duplicated marker",
            "// @catalog x begin\n// @catalog x begin\n | 'A';\n// @catalog x end",
        ),
    ];
    for (what, src) in cases {
        assert!(union_section(src, "x", "").is_err(), "{what} was accepted");
    }
    let src = "// @catalog x begin\n | 'A';\n// @catalog x end";
    assert!(
        union_section(src, "x", "export type X =").is_err(),
        "a marker under another declaration was accepted"
    );
    let src = "// @catalog y begin\n ONE: 'A'\n TWO: 'B';\n// @catalog y end";
    assert!(
        members_section(src, "y", "").is_err(),
        "a member without `;` was accepted"
    );
}

#[test]
#[should_panic(expected = "missing from the d.ts: [\"C\"]")]
fn a_missing_entry_is_reported() {
    assert_same_list(
        "the test list",
        &["A".to_owned(), "B".to_owned()],
        &["A", "B", "C"],
    );
}

#[test]
#[should_panic(expected = "different order or a duplicate")]
fn a_reordered_list_is_reported() {
    assert_same_list(
        "the test list",
        &["B".to_owned(), "A".to_owned()],
        &["A", "B"],
    );
}
