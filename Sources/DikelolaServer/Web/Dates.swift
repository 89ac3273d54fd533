import DikelolaCore
import Foundation
import Plot
import Vapor

enum Dates {
    /// An instant in the body's zone as officers read it: "21 November 2026 pukul 14.30 WIB".
    static func show(_ date: Date, _ ctx: PageContext, zone: TimeZoneRegion = .wib) -> String {
        ctx.language == .indonesian
            ? IndonesianFormat.dateTime(date, zone: zone) : IndonesianFormat.englishDateTime(date, zone: zone)
    }
}
