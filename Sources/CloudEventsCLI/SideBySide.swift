#if Hummingbird && AsyncHTTPClient
    import CloudEvents

    /// An event as sent beside the event that arrived: one row per attribute and one for the data.
    struct SideBySide {
        /// How an arrived attribute (or the data) compares with the one sent.
        enum Match {
            /// The same type and value (the data: the same kind and bytes).
            case identical
            /// The same canonical string, arrived as a String: binary mode carries every extension as
            /// header text, so a Boolean, Integer, Binary, URI or Timestamp arrives untyped.
            case sameTextUntyped
            /// A different value, or absent on one side.
            case different
        }

        /// One attribute (or the data) as sent and as arrived.
        struct Row {
            var name: String
            var sent: String
            var arrived: String
            var match: Match
        }

        /// The rows: the sent event's attributes in order, any the arrived event has beyond them, then data.
        let rows: [Row]

        /// Compares `sent` with `arrived` (`nil` when nothing arrived).
        ///
        /// Attribute values are compared by their canonical string, the form the CloudEvents type
        /// system defines for every transport; data by kind and bytes.
        init(sent: CloudEvent, arrived: CloudEvent?) {
            var rows: [Row] = []
            let arrivedAttributes = arrived?.attributes ?? []
            let sentNames = Set(sent.attributes.map(\.name))
            for (name, value) in sent.attributes {
                let other = arrivedAttributes.first { $0.name == name }?.value
                rows.append(
                    Row(
                        name: name, sent: Self.describe(value), arrived: other.map(Self.describe) ?? "(absent)",
                        match: Self.match(sent: value, arrived: other)))
            }
            for (name, value) in arrivedAttributes where !sentNames.contains(name) {
                rows.append(Row(name: name, sent: "(absent)", arrived: Self.describe(value), match: .different))
            }
            rows.append(
                Row(
                    name: "data", sent: Self.describe(sent.data),
                    arrived: arrived.map { Self.describe($0.data) } ?? "(absent)",
                    match: arrived != nil && sent.data == arrived?.data ? .identical : .different))
            self.rows = rows
        }

        private static func match(sent: CloudEventAttributeValue, arrived: CloudEventAttributeValue?) -> Match {
            guard let arrived else { return .different }
            if arrived == sent { return .identical }
            if case .string(let text) = arrived, text == sent.canonicalString { return .sameTextUntyped }
            return .different
        }

        /// Whether no row differs (rows that arrived as untyped text of the same value count as the same).
        var hasSameValues: Bool { !rows.contains { $0.match == .different } }

        /// How many attributes arrived as untyped text of the same value.
        var untypedCount: Int { rows.count { $0.match == .sameTextUntyped } }

        /// The table: a header, then `  name  sent  arrived` per row, `!` before a row that differs
        /// and `~` before one that arrived as untyped text of the same value.
        func rendered(columnWidth: Int = 46) -> String {
            let nameWidth = max(rows.map(\.name.count).max() ?? 0, "attribute".count)
            func cell(_ text: String, _ width: Int) -> String {
                let shown = text.count > width ? String(text.prefix(width - 1)) + "…" : text
                return shown + String(repeating: " ", count: max(0, width - shown.count))
            }
            var text = "  " + cell("attribute", nameWidth) + "  " + cell("sent", columnWidth) + "  arrived\n"
            for row in rows {
                let mark =
                    switch row.match {
                    case .identical: "  "
                    case .sameTextUntyped: "~ "
                    case .different: "! "
                    }
                if row.sent.count > columnWidth || row.arrived.count > columnWidth {
                    // Too wide for a column, and truncating would hide what matters (the data's bytes).
                    text += mark + cell(row.name, nameWidth) + "  sent:    " + row.sent + "\n"
                    text += "  " + String(repeating: " ", count: nameWidth) + "  arrived: " + row.arrived + "\n"
                    continue
                }
                text += mark + cell(row.name, nameWidth) + "  " + cell(row.sent, columnWidth)
                text += "  " + cell(row.arrived, columnWidth).trimmingTrailingSpaces() + "\n"
            }
            return text
        }

        /// A value as `canonical string (Type)`.
        static func describe(_ value: CloudEventAttributeValue) -> String {
            "\(value.canonicalString) (\(value.type))"
        }

        /// Data as `kind: content`: JSON and text as their text, binary as hexadecimal bytes.
        static func describe(_ data: CloudEventData?) -> String {
            guard let data else { return "(none)" }
            switch data.kind {
            case .json: return "JSON \(data.text ?? "")"
            case .text: return "text \(data.text ?? "")"
            case .binary:
                let digits = Array("0123456789abcdef")
                let hex = data.bytes.map { String([digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]]) }.joined(
                    separator: " ")
                return "binary \(data.bytes.count) bytes: \(hex)"
            }
        }
    }

    extension String {
        /// The string without trailing spaces.
        fileprivate func trimmingTrailingSpaces() -> String {
            var copy = self
            while copy.last == " " { copy.removeLast() }
            return copy
        }
    }
#endif
