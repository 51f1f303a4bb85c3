//! JUnit XML of the outcomes, for CI systems that show test reports, written by
//! quick-junit (cargo-nextest's serializer). It drops the control characters that
//! XML 1.0 cannot carry; U+FFFE and U+FFFF, which it lets through, are replaced
//! here, so a rule name never makes the file unreadable.

use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};

use super::{Outcome, Status};

/// The report's and the suite's name.
const SUITE: &str = "corpstat check";

/// JUnit XML with one test case per outcome; failures as `<failure>`, warnings in
/// `<system-out>`. Fails only if the serializer does.
pub fn junit_xml(outcomes: &[Outcome]) -> std::io::Result<String> {
    let mut suite = TestSuite::new(SUITE);
    for o in outcomes {
        let detail = xml_safe(&format!(
            "{}: expected {}, actual {}",
            o.metric, o.expected, o.actual
        ));
        let status = match o.status {
            Status::Pass | Status::Warn => TestCaseStatus::success(),
            Status::Fail => {
                let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
                status.set_message(detail.as_str());
                status.set_type("rule");
                status.set_description(detail.as_str());
                status
            }
        };
        let mut case = TestCase::new(xml_safe(&o.rule), status);
        case.set_classname("corpstat.check");
        if o.status == Status::Warn {
            case.set_system_out(format!("warning: {detail}"));
        }
        suite.add_test_case(case);
    }
    let mut report = Report::new(SUITE);
    report.add_test_suite(suite);
    report.to_string().map_err(std::io::Error::other)
}

/// `text` with the two noncharacters XML 1.0 forbids (U+FFFE, U+FFFF) replaced by
/// U+FFFD; quick-junit removes the forbidden control characters itself.
fn xml_safe(text: &str) -> String {
    text.replace(['\u{FFFE}', '\u{FFFF}'], "\u{FFFD}")
}
