/// `headroom quiz`: seeded sizing drills, one question at a time, graded
/// within a stated tolerance and followed by the worked derivation.
///
/// Interactive on a terminal (answers read from standard input, one per
/// line); `--answers "a;b;c"` or `--answers-file FILE` grade without
/// prompting. The same `--seed` and `--level` always ask the same questions.

import ArgumentParser
import Foundation
import Planning

/// `headroom quiz [--seed N] [--level 1...3] [--count N] [--answers LIST | --answers-file FILE]`.
public struct QuizCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: "Sizing drills: answer, get graded (±2%, whole numbers exact), see the worked derivation.",
        discussion: """
            Answer with a number in the unit asked, or with a quantity in any \
            byte unit (4.32 TB, 4320 GB, 50MB/s). Level 1: ingress and volumes; \
            2 adds peaks and partitions; 3 adds compression, copies and tiers.
            """
    )

    @Option(help: "Seed of the drills (same seed, same questions).") var seed: UInt64 = 1
    @Option(help: "Difficulty 1...3.") var level = 1
    @Option(help: "Number of questions.") var count = 5
    @Option(help: "Answers without prompting, separated by ';' (or by ',' when there is no ';').") var answers: String?
    @Option(help: "A file with one answer per line.") var answersFile: String?

    public init() {}

    public func validate() throws {
        guard (1...3).contains(level) else { throw ValidationError("invalid --level: must be 1, 2 or 3, got \(level); accepted forms: --level 2") }
        guard count >= 1 else { throw ValidationError("invalid --count: must be at least 1, got \(count); accepted forms: --count 5") }
        if answers != nil && answersFile != nil { throw ValidationError("choose one of --answers and --answers-file") }
        _ = try givenAnswers()
    }

    public func run() throws {
        let drills = DrillGenerator.drills(seed: seed, level: level, count: count)
        var output = ""
        let given = try givenAnswers()
        let score = QuizCommand.play(drills, answers: given, seed: seed, level: level) { line in
            if given == nil { FileHandle.standardOutput.write(Data(line.utf8)) } else { output += line }
        } readAnswer: {
            readLine()
        }
        if given != nil { print(output, terminator: "") }
        if score < drills.count { throw ExitCode(1) }
    }

    /// The answers from `--answers` or `--answers-file`, or nil for interactive use.
    func givenAnswers() throws -> [String]? {
        if let list = answers {
            let sep: Character = list.contains(";") ? ";" : ","
            return list.split(separator: sep, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        }
        if let path = answersFile {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("invalid --answers-file: cannot read \"\(path)\"")
            }
            return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
        }
        return nil
    }

    /// Asks every drill, grades it and writes the derivation; returns the number correct.
    ///
    /// With `answers`, answer i grades drill i (missing answers count as wrong);
    /// without, `readAnswer` is called once per question.
    static func play(_ drills: [SizingDrill], answers: [String]?, seed: UInt64, level: Int,
                     write: (String) -> Void, readAnswer: () -> String?) -> Int {
        write("headroom quiz: seed \(seed), level \(level), \(drills.count) question(s); answers within ±2% (whole numbers exact)\n\n")
        var correct = 0
        for (i, drill) in drills.enumerated() {
            write("Q\(i + 1). \(drill.question)\n> ")
            let answer: String?
            if let answers { answer = i < answers.count ? answers[i] : nil; write((answer ?? "") + "\n") } else { answer = readAnswer() }
            let (ok, read) = answer.map { drill.grade($0) } ?? (false, nil)
            if ok { correct += 1 }
            let expected = NumberText.plain(drill.answer, maxFractionDigits: 4) + " " + drill.unit
            let verdict = ok ? "correct" : read == nil ? "not a number (\"\(answer ?? "")\")" : "incorrect"
            write("\(verdict): the answer is \(expected)\n\n" + drill.derivation.text + "\n")
        }
        write("Score: \(correct)/\(drills.count)\n")
        return correct
    }
}
