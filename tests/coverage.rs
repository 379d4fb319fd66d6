//! Every endpoint on the published pages is typed, and its typed request agrees with its page:
//! method, path, where the parameters travel, required fields and encrypted fields.
//!
//! The pages are read from the fixture `tests/fixtures/pages/gov-subsidy-pages.md` (source and
//! licence beside it) by the small parser below, independently of the SDK's types; the SDK's side
//! is the derive's metadata (`wechatpay_apiv3::gov::subsidy::ENDPOINTS`).

use std::collections::{BTreeMap, BTreeSet};

use wechatpay_apiv3::gov::subsidy::ENDPOINTS;
use wechatpay_apiv3::request::{Place, field_paths};

const PAGES: &str = include_str!("fixtures/pages/gov-subsidy-pages.md");

/// What one page says about its request.
#[derive(Debug, Default)]
struct Page {
    method: String,
    /// `json` (a body) or `query`.
    root: String,
    required: BTreeSet<String>,
    encrypted: BTreeSet<String>,
    /// Whether the page lists the `Wechatpay-Serial` header as required.
    serial_header: bool,
}

/// One row of a request table.
struct Row<'a> {
    name: &'a str,
    indent: usize,
    required: bool,
    encrypted: bool,
    array: bool,
}

/// The pages by path (`/v3/gov/subsidy/…`).
fn pages() -> BTreeMap<String, Page> {
    let mut pages = BTreeMap::new();
    for section in PAGES.split("\n========== openapi").skip(1) {
        let (first_line, body) = section.split_once('\n').expect("a section has a body");
        let path = first_line.trim().trim_end_matches(".md").to_owned();
        pages.insert(path, parse_page(body));
    }
    pages
}

fn parse_page(body: &str) -> Page {
    let method = if body.contains("{#get}") {
        "GET"
    } else if body.contains("{#post}") {
        "POST"
    } else {
        panic!("a page without a method: {body:.80}")
    };
    let mut page = Page { method: method.to_owned(), ..Page::default() };
    let table = body
        .split_once("| 请求参数")
        .and_then(|(_, rest)| rest.split_once("{.im-table #request}"))
        .map(|(table, _)| table)
        .expect("a request table");
    // The path of the last row seen at each indent, and whether it is an array of objects.
    let mut parents: Vec<(String, bool)> = Vec::new();
    let mut section = "";
    for line in table.lines().filter(|l| l.starts_with("| ") && !l.starts_with("| ---")) {
        let Some(row) = parse_row(line) else { continue };
        parents.truncate(row.indent);
        if row.indent == 0 {
            // `json` or `query`, then `headers`.
            section = row.name;
            if page.root.is_empty() {
                page.root = row.name.to_owned();
            }
            parents.push((String::new(), false));
            continue;
        }
        let path = match parents.last() {
            Some((parent, true)) => format!("{parent}[].{}", row.name),
            Some((parent, false)) if !parent.is_empty() => format!("{parent}.{}", row.name),
            _ => row.name.to_owned(),
        };
        if section == "headers" {
            page.serial_header |= row.name == "Wechatpay-Serial" && row.required;
        } else {
            if row.required {
                page.required.insert(path.clone());
            }
            if row.encrypted {
                page.encrypted.insert(path.clone());
            }
        }
        parents.push((path, row.array));
    }
    page
}

/// `| name {data-required data-indent=1} | string {… data-encrypted=by-rsa-pubkey} | desc`.
fn parse_row(line: &str) -> Option<Row<'_>> {
    let mut cells = line.trim_start_matches("| ").splitn(3, " | ");
    let (name_cell, type_cell) = (cells.next()?, cells.next()?);
    let (name, attributes) = match name_cell.split_once(" {") {
        Some((name, attributes)) => (name.trim(), attributes),
        None => (name_cell.trim(), ""),
    };
    let indent = attributes
        .split_whitespace()
        .find_map(|a| a.trim_end_matches('}').strip_prefix("data-indent="))
        .map_or(0, |n| n.parse().expect("a numeric indent"));
    Some(Row {
        name,
        indent,
        required: attributes.contains("data-required"),
        encrypted: type_cell.contains("data-encrypted=by-rsa-pubkey"),
        array: type_cell.starts_with("object[]"),
    })
}

#[test]
fn the_parser_reads_the_pages_as_published() {
    let pages = pages();
    assert_eq!(pages.len(), 34);
    assert_eq!(pages.values().filter(|p| !p.encrypted.is_empty()).count(), 14);
    assert_eq!(pages.values().filter(|p| p.method == "GET").count(), 1);
    let sync = &pages["/v3/gov/subsidy/zhejiang/qualifications/sync"];
    assert_eq!(sync.root, "json");
    assert!(sync.required.contains("data[].cert_no") && !sync.required.contains("data"));
    assert_eq!(
        sync.encrypted.iter().map(String::as_str).collect::<Vec<_>>(),
        ["data[].cert_no", "data[].name", "data[].tel"]
    );
    let get = &pages["/v3/gov/subsidy/qualification"];
    assert_eq!((get.method.as_str(), get.root.as_str()), ("GET", "query"));
    assert!(get.serial_header);
    let update = &pages["/v3/gov/subsidy/audit/cup/update"];
    assert!(
        update.required.contains("invoice_info") && !update.required.contains("invoice_info.nm")
    );
}

#[test]
fn every_page_has_its_typed_request_and_they_agree() {
    let pages = pages();
    let mut problems = Vec::new();
    let mut typed = BTreeSet::new();
    let mut agreeing = 0;
    for endpoint in ENDPOINTS {
        let key = endpoint.path.to_owned();
        if !typed.insert(key.clone()) {
            problems.push(format!("{key}: typed twice"));
        }
        let Some(page) = pages.get(&key) else {
            problems.push(format!("{key}: typed, but no page publishes it"));
            continue;
        };
        let differences = compare(endpoint, page);
        agreeing += usize::from(differences.is_empty());
        problems.extend(differences);
    }
    for path in pages.keys().filter(|path| !typed.contains(*path)) {
        problems.push(format!("{path}: on the pages, but not typed"));
    }
    println!("coverage: {agreeing}/{} pages typed and agreeing with their page", pages.len());
    assert!(problems.is_empty(), "{} problem(s):\n{}", problems.len(), problems.join("\n"));
}

/// The differences between a typed request and its page.
fn compare(endpoint: &wechatpay_apiv3::gov::subsidy::Endpoint, page: &Page) -> Vec<String> {
    let path = endpoint.path;
    let mut problems = Vec::new();
    if endpoint.method.as_str() != page.method {
        problems.push(format!("{path}: method {} (page: {})", endpoint.method, page.method));
    }
    let fields = field_paths(endpoint.fields);
    let place = if page.root == "query" { Place::Query } else { Place::Body };
    for (name, field) in &fields {
        if !name.contains('.') && field.place != place {
            problems.push(format!(
                "{path}: `{name}` travels in {:?} (page: {})",
                field.place, page.root
            ));
        }
    }
    let set = |keep: fn(&wechatpay_apiv3::request::FieldInfo) -> bool| -> BTreeSet<String> {
        fields.iter().filter(|(_, f)| keep(f)).map(|(name, _)| name.clone()).collect()
    };
    let required = set(|f| f.required);
    let encrypted = set(|f| f.encrypted);
    for (what, ours, theirs) in
        [("required", &required, &page.required), ("encrypted", &encrypted, &page.encrypted)]
    {
        for missing in theirs.difference(ours) {
            problems.push(format!("{path}: `{missing}` is {what} on the page, not in the type"));
        }
        for extra in ours.difference(theirs) {
            problems.push(format!("{path}: `{extra}` is {what} in the type, not on the page"));
        }
    }
    if page.serial_header == page.encrypted.is_empty() {
        problems.push(format!(
            "{path}: the page's Wechatpay-Serial header and its encrypted fields disagree"
        ));
    }
    problems
}

/// The README's table of endpoints is the registry's: regenerate it with
/// `UPDATE_README=1 cargo nextest run -E 'test(readme_lists)'`.
#[test]
fn the_readme_lists_every_endpoint() {
    const BEGIN: &str = "<!-- gov-subsidy-endpoints:begin -->\n";
    const END: &str = "<!-- gov-subsidy-endpoints:end -->";
    let readme_path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(readme_path).expect("the README");
    let (head, rest) = readme.split_once(BEGIN).expect("the README marks the table's start");
    let (current, tail) = rest.split_once(END).expect("the README marks the table's end");
    let table = endpoint_table();
    if std::env::var_os("UPDATE_README").is_some() {
        std::fs::write(readme_path, format!("{head}{BEGIN}{table}{END}{tail}")).expect("written");
    } else {
        assert_eq!(current, table, "the README's endpoint table is stale: see this test's doc");
    }
}

fn endpoint_table() -> String {
    let mut table = String::from(
        "| region | method | path | title | Rust type (`gov::subsidy::…`) | encrypted fields | idempotent |\n\
         | --- | --- | --- | --- | --- | --- | --- |\n",
    );
    for endpoint in ENDPOINTS {
        let encrypted: Vec<String> = field_paths(endpoint.fields)
            .into_iter()
            .filter(|(_, field)| field.encrypted)
            .map(|(name, _)| format!("`{name}`"))
            .collect();
        table.push_str(&format!(
            "| {} | {} | `{}` | {} | `{}` | {} | {} |\n",
            endpoint.region.name(),
            endpoint.method,
            endpoint.path,
            endpoint.title,
            endpoint.type_name,
            if encrypted.is_empty() { "—".to_owned() } else { encrypted.join(", ") },
            if endpoint.idempotent { "yes" } else { "no" },
        ));
    }
    table
}
