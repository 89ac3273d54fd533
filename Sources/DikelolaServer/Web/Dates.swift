import DikelolaCore
import Foundation
import Plot
import Vapor

enum Dates {
    /// An instant in the body's zone as officers read it: "21 November 2026 14.30".
    static func show(_ date: Date, _ ctx: PageContext, zone: TimeZoneRegion = .wib) -> String {
        let day = zone.localDate(of: date)
        let seconds = (Int(date.timeIntervalSince1970) + zone.secondsFromUTC) % 86_400
        let hh = seconds / 3600, mm = (seconds % 3600) / 60
        return ctx.date(day) + String(format: " %02d.%02d ", hh, mm) + zone.rawValue
    }
}
