import Foundation
import Testing
@testable import HeadroomCLI
@testable import Planning

@Suite("Quiz")
struct QuizTests {
    @Test("the same seed asks the same questions; another seed asks others (seeds 11 and 12)")
    func reproducible() {
        let a = DrillGenerator.drills(seed: 11, level: 3, count: 6)
        #expect(a == DrillGenerator.drills(seed: 11, level: 3, count: 6))
        #expect(a.map(\.question) != DrillGenerator.drills(seed: 12, level: 3, count: 6).map(\.question))
    }

    @Test("--answers grades right and wrong answers (seed 42, every level)", arguments: [1, 2, 3])
    func gradesAnswers(level: Int) throws {
        let drills = DrillGenerator.drills(seed: 42, level: level, count: 6)
        // Right: the exact answers, one nudged by +1% (inside ±2%) where a tolerance applies.
        var right = drills.map { NumberText.plain($0.answer, maxFractionDigits: 6).replacingOccurrences(of: ",", with: "") }
        if let i = drills.firstIndex(where: { $0.tolerance > 0 }) {
            right[i] = String(drills[i].answer * 1.01)
        }
        var log = ""
        let allRight = QuizCommand.play(drills, answers: right, seed: 42, level: level, write: { log += $0 }, readAnswer: { nil })
        #expect(allRight == drills.count, "\(log)")
        #expect(log.contains("Score: \(drills.count)/\(drills.count)"))
        // Wrong: 10% off (or +1 for whole numbers), plus one unreadable answer.
        var wrong = drills.map { $0.tolerance == 0 ? String($0.answer + 1) : String($0.answer * 1.1) }
        wrong[0] = "lots"
        log = ""
        #expect(QuizCommand.play(drills, answers: wrong, seed: 42, level: level, write: { log += $0 }, readAnswer: { nil }) == 0)
        #expect(log.contains("not a number"))
        #expect(log.contains("Score: 0/\(drills.count)"))
    }

    @Test("answers may carry their own unit and are converted")
    func unitsInAnswers() throws {
        let drills = DrillGenerator.drills(seed: 5, level: 1, count: 12)
        for d in drills {
            if d.unit == "TB" {
                #expect(d.grade("\(d.answer * 1000) GB").correct)
                #expect(!d.grade("\(d.answer * 1000) GiB").correct, "GiB is not GB")
            }
            if d.unit == "MB/s" {
                #expect(d.grade("\(d.answer / 1000) GB/s").correct)
            }
        }
    }

    @Test("the quiz command parses --answers with ';' or ','")
    func commandAnswers() throws {
        let c = try #require(try HeadroomCommand.parseAsRoot(["quiz", "--answers", "1;2,5;3"]) as? QuizCommand)
        #expect(try c.givenAnswers() == ["1", "2,5", "3"])
        let d = try #require(try HeadroomCommand.parseAsRoot(["quiz", "--answers", "1,2,3"]) as? QuizCommand)
        #expect(try d.givenAnswers() == ["1", "2", "3"])
        #expect(throws: (any Error).self) { try HeadroomCommand.parseAsRoot(["quiz", "--level", "4"]) }
    }
}
