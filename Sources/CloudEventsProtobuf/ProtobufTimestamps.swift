public import CloudEvents
public import SwiftProtobuf

/// What the encoder does with a Timestamp that a `google.protobuf.Timestamp` cannot hold exactly.
///
/// A `google.protobuf.Timestamp` is an instant (seconds and nanoseconds since the epoch, UTC) and
/// nothing else, while a ``/CloudEvents/Timestamp`` keeps its text: the UTC offset (`+08:00`,
/// `-00:00`), `z` or `t` in lower case, and the number of fraction digits, trailing zeros
/// included. A decoded time is written in UTC with `Z` and the fewest fraction digits that hold
/// its nanoseconds (`.12`, not `.120`), so a time that is written otherwise would come back
/// different.
public enum ProtobufTimestampConversion: Sendable, Hashable {
    /// Refuse such a time with ``/CloudEvents/CloudEventError/Code/conversionNotPossible``,
    /// naming the attribute: nothing changes behind the caller's back. The default.
    case exact
    /// Write the time's instant and drop how it is written (the offset, the case of `T` and `Z`,
    /// trailing zeros): `2024-05-20T14:23:18.120+08:00` arrives as `2024-05-20T06:23:18.12Z`,
    /// the same instant.
    case convertToUTC
}

/// The instant range of `google.protobuf.Timestamp`: 0001-01-01T00:00:00Z to
/// 9999-12-31T23:59:59.999999999Z.
let protobufTimestampSeconds: ClosedRange<Int64> = -62_135_596_800...253_402_300_799

extension Google_Protobuf_Timestamp {
    /// The instant of `timestamp`, for the attribute `attribute`.
    ///
    /// - Throws: ``/CloudEvents/CloudEventError/Code/conversionNotPossible`` naming the attribute
    ///   when the time is written in a way this message cannot keep (unless `conversion` is
    ///   ``ProtobufTimestampConversion/convertToUTC``), and always for a leap second or an
    ///   instant before the year 1 in UTC, which it cannot hold at all.
    public init(
        _ timestamp: CloudEvents.Timestamp, attribute: String,
        conversion: ProtobufTimestampConversion = .exact
    ) throws {
        func refuse(_ reason: String) -> CloudEventError {
            CloudEventError(
                .conversionNotPossible, attribute: attribute,
                message: "\(attribute) \(timestamp.rfc3339) \(reason)")
        }
        guard timestamp.second != 60 else {
            throw refuse("is a leap second, which google.protobuf.Timestamp cannot hold")
        }
        let seconds = timestamp.epochSeconds
        guard protobufTimestampSeconds.contains(seconds) else {
            throw refuse("is outside google.protobuf.Timestamp's range, years 0001 to 9999 in UTC")
        }
        if conversion == .exact {
            let decoded = try Self.timestamp(seconds: seconds, nanos: Int32(timestamp.nanosecond), attribute: attribute)
            guard decoded == timestamp else {
                throw refuse(
                    "would arrive as \(decoded.rfc3339): google.protobuf.Timestamp keeps the instant only, not the"
                        + " offset or the fraction's digits; encode with timestamps: .convertToUTC to send it so")
            }
        }
        self.init(seconds: seconds, nanos: Int32(timestamp.nanosecond))
    }

    /// The Timestamp of an instant: UTC, written with `Z` and the fewest fraction digits that
    /// hold the nanoseconds.
    static func timestamp(seconds: Int64, nanos: Int32, attribute: String) throws -> CloudEvents.Timestamp {
        guard protobufTimestampSeconds.contains(seconds), (0...999_999_999).contains(nanos) else {
            throw CloudEventError(
                .invalidTimestamp, attribute: attribute,
                message:
                    "\(attribute): seconds \(seconds) and nanos \(nanos) are outside google.protobuf.Timestamp's range")
        }
        var digits = nanos == 0 ? 0 : 9
        var rest = nanos
        while digits > 0, rest % 10 == 0 {
            rest /= 10
            digits -= 1
        }
        return try CloudEvents.Timestamp(epochSeconds: seconds, nanosecond: Int(nanos), fractionalDigits: digits)
    }

    /// This instant as a Timestamp (see ``ProtobufTimestampConversion``).
    ///
    /// - Throws: ``/CloudEvents/CloudEventError/Code/invalidTimestamp`` naming the attribute for
    ///   seconds or nanos outside the message's documented range.
    public func timestamp(attribute: String) throws -> CloudEvents.Timestamp {
        try Self.timestamp(seconds: seconds, nanos: nanos, attribute: attribute)
    }
}
