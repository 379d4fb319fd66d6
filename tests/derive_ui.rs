//! Compile-time behaviour of `#[derive(WechatRequest)]` and `#[derive(WechatRecord)]`: every misuse
//! in `tests/ui/fail` is refused with one precise message (its `.stderr`), and every case in
//! `tests/ui/pass` compiles and runs. One test function, so that trybuild builds the crate once.
//! `TRYBUILD=overwrite` regenerates the `.stderr` files; read every one before committing it.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.pass("tests/ui/pass/*.rs");
    cases.compile_fail("tests/ui/fail/*.rs");
}
