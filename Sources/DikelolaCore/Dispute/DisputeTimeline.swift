/// The stages a refused request can go through, each with its deadline in working days
/// (UU 14/2008; `../shared/domain.md` §5):
/// 1. the requester objects to the head within 30 working days of the refusal (Ps 36(1));
/// 2. the head answers within 30 working days of receiving the objection (Ps 36(2));
/// 3. the requester takes the dispute to the Information Commission within 14 working days of the
///    answer (Ps 37(2)) — of the answer's last day when the head did not answer in time;
/// 4. a party that does not accept the Commission's adjudication says so in writing within 14
///    working days of receiving it and goes to court (Ps 48(1)); otherwise the ruling has legal force.
///
/// A stage starts when the one before it ends; an order to open ends the whole dispute.
public struct DisputeTimeline: Sendable {
    public struct Dates: Hashable, Sendable {
        public var refusedOn: LocalDate
        public var objectionReceivedOn: LocalDate?
        /// The head's answer (the date of the objection decision), if any.
        public var answeredOn: LocalDate?
        public var answerOrder: RulingOrder?
        public var commissionFiledOn: LocalDate?
        public var commissionRuledOn: LocalDate?
        public var commissionOrder: RulingOrder?
        /// A court's ruling on a challenge to the Commission's ruling, if any.
        public var courtRuledOn: LocalDate?
        /// The dispute ended: the information was opened by one of its decisions, or a decision
        /// upholding the exemption gained legal force.
        public var closedOn: LocalDate?

        public init(
            refusedOn: LocalDate, objectionReceivedOn: LocalDate? = nil, answeredOn: LocalDate? = nil,
            answerOrder: RulingOrder? = nil, commissionFiledOn: LocalDate? = nil, commissionRuledOn: LocalDate? = nil,
            commissionOrder: RulingOrder? = nil, courtRuledOn: LocalDate? = nil, closedOn: LocalDate? = nil
        ) {
            self.refusedOn = refusedOn
            self.objectionReceivedOn = objectionReceivedOn
            self.answeredOn = answeredOn
            self.answerOrder = answerOrder
            self.commissionFiledOn = commissionFiledOn
            self.commissionRuledOn = commissionRuledOn
            self.commissionOrder = commissionOrder
            self.courtRuledOn = courtRuledOn
            self.closedOn = closedOn
        }
    }

    public enum StageKind: String, Sendable, CaseIterable {
        case objection
        case answer
        case commission
        case challenge

        public var workingDays: Int {
            switch self {
            case .objection, .answer: 30
            case .commission, .challenge: 14
            }
        }

        public var article: String {
            switch self {
            case .objection: "UU 14/2008 Pasal 36 ayat 1"
            case .answer: "UU 14/2008 Pasal 36 ayat 2"
            case .commission: "UU 14/2008 Pasal 37 ayat 2"
            case .challenge: "UU 14/2008 Pasal 48 ayat 1"
            }
        }

        public var indonesian: String {
            switch self {
            case .objection: "Pemohon mengajukan keberatan kepada atasan PPID"
            case .answer: "Atasan PPID menanggapi keberatan secara tertulis"
            case .commission: "Pemohon mengajukan sengketa ke Komisi Informasi"
            case .challenge: "Para pihak menyatakan tidak menerima putusan Komisi (gugatan ke pengadilan)"
            }
        }

        public var english: String {
            switch self {
            case .objection: "The requester objects to the head"
            case .answer: "The head answers the objection in writing"
            case .commission: "The requester takes the dispute to the Information Commission"
            case .challenge: "A party rejects the Commission's ruling (court challenge)"
            }
        }
    }

    public enum State: Hashable, Sendable {
        /// Done on the date.
        case done(LocalDate)
        /// Running; `overdue` once the deadline has passed.
        case running(overdue: Bool)
        /// The deadline passed and nobody acted: the stage will not come.
        case lapsed
        /// The dispute ended before this stage was needed (the information opened, or a decision
        /// upholding the exemption became final).
        case notNeeded
    }

    public struct Stage: Hashable, Sendable {
        public let kind: StageKind
        public let from: LocalDate
        public let due: LocalDate
        public let state: State
        /// Years whose holidays are not yet known, crossed by the count: the due date is provisional.
        public let provisionalYears: [Int]
    }

    public let stages: [Stage]

    /// The stages reached by `dates` on `today`, counted on `calendar` (a year without holiday data is
    /// counted on weekdays and marked provisional, never refused: a deadline is shown, not enforced).
    public init(_ dates: Dates, today: LocalDate, calendar: WorkingDayCalendar) throws {
        var stages: [Stage] = []
        func stage(_ kind: StageKind, from: LocalDate, doneOn: LocalDate?) throws -> Stage {
            let due = try calendar.adding(kind.workingDays, workingDaysTo: from, policy: .assumeWeekdaysOnly)
            let state: State =
                if let doneOn {
                    .done(doneOn)
                } else if dates.closedOn != nil {
                    .notNeeded
                } else if today > due.value {
                    // A head who has not answered still must; the requester's windows just close.
                    kind == .answer ? .running(overdue: true) : .lapsed
                } else {
                    .running(overdue: false)
                }
            return Stage(kind: kind, from: from, due: due.value, state: state, provisionalYears: due.yearsWithoutData)
        }
        let objection = try stage(.objection, from: dates.refusedOn, doneOn: dates.objectionReceivedOn)
        stages.append(objection)
        if let received = dates.objectionReceivedOn {
            let answer = try stage(.answer, from: received, doneOn: dates.answeredOn)
            stages.append(answer)
            // No dispute follows an answer that opened the information.
            let answerReached =
                dates.answeredOn != nil || answer.state == .running(overdue: true) || dates.commissionFiledOn != nil
                || dates.commissionRuledOn != nil
            if answerReached, dates.answerOrder != .open {
                let commission = try stage(
                    .commission, from: dates.answeredOn ?? answer.due, doneOn: dates.commissionFiledOn ?? dates.commissionRuledOn)
                stages.append(commission)
                if let ruled = dates.commissionRuledOn {
                    stages.append(try stage(.challenge, from: ruled, doneOn: dates.courtRuledOn))
                }
            }
        }
        self.stages = stages
    }

    /// The stage running now, if any: the next thing somebody must do, and by when.
    public var current: Stage? {
        stages.last { if case .running = $0.state { true } else { false } }
    }
}
