import Foundation
import Grading
import Testing

@Suite struct GradeOutputTests {
    @Test func jsonIsDeterministicAndVersioned() throws {
        let first = try Fixture.grade("wrong-cut.ana")
        let second = try Fixture.grade("wrong-cut.ana")
        #expect(first.json == second.json)
        let text = try #require(String(data: first.json, encoding: .utf8))
        #expect(text.hasPrefix("{\n  \"checks\" : ["))
        #expect(text.hasSuffix("\n  \"schema\" : \"openkey-grade\",\n  \"score\" : 5,\n  \"version\" : 1\n}\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: first.json) as? [String: Any])
        #expect(object["maxScore"] as? Int == 10)
        let checks = try #require(object["checks"] as? [[String: Any]])
        #expect(checks.first?["status"] as? String == "partial")
        #expect(checks.first?.keys.sorted() == ["details", "id", "maxPoints", "message", "points", "status", "title", "type"])
    }

    @Test func textReport() throws {
        let grade = try Fixture.grade("mev.ana")
        #expect(grade.text == """
        Grade for z-boson: 2/10
        ✓ Event selection  2/2  Your selection keeps the same events as the reference.
        ✗ Dilepton mass  0/4  Does not match the reference. Use the same binning as the instructions: 10 bins from 0 to 200. \
        Your peak is far above 200: did you forget to convert MeV to GeV?
            your binning: 10 bins from 0 to 200000; the reference: 10 bins from 0 to 200
        ✗ mean-mass  0/2  Does not match the reference. Did you forget to divide by 1000?
            expected 55.9478, got 55947.8 (±1%)
        ✗ which-boson  0/1  (missing)  You have not answered this question.
        ✗ peak-value  0/1  (missing)  You have not answered this question.

        """)
    }
}
