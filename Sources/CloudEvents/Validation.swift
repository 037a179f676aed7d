/// Validation: a pure function of the event and its spec version.
extension CloudEvent {
    /// Checks every rule of the specification and throws if any is broken.
    ///
    /// - Throws: ``CloudEventError`` with code ``CloudEventError/Code/invalidEvent`` whose
    ///   ``CloudEventError/violations`` lists every broken rule, each naming its attribute.
    public func validate() throws {
        guard !isKnownValid else { return }
        let errors = validationErrors
        guard errors.isEmpty else { throw CloudEvent.invalidEventError(errors) }
    }

    /// Every broken MUST rule, each naming the attribute and the rule; empty when valid.
    public var validationErrors: [CloudEventError] {
        validationErrors(checkingDataKind: true)
    }

    /// ``validationErrors``; a decoder that derived the data's kind from `datacontenttype`
    /// itself may leave out the rule that they agree, which its events keep by construction.
    private func validationErrors(checkingDataKind: Bool) -> [CloudEventError] {
        var errors: [CloudEventError] = []
        checkString(storage.id, "id", required: true, into: &errors)
        checkURI(storage.source, "source", absolute: false, into: &errors)
        checkString(storage.type, "type", required: true, into: &errors)
        if let subject = storage.subject {
            checkString(subject, "subject", required: true, into: &errors)
        }
        if let contentType = storage.dataContentType {
            let failure = storage.withBytes(contentType) { AttributeRules.checkMediaType($0) }
            if let failure { errors.append(failure) }
        }
        if let schema = storage.dataSchema {
            checkURI(schema, specVersion.dataSchemaAttributeName, absolute: specVersion == .v1_0, into: &errors)
        }
        for slot in storage.extensions {
            checkExtension(slot, into: &errors)
        }
        if checkingDataKind { checkDataKind(into: &errors) }
        return errors
    }

    /// SHOULD rules that are broken: extension names over 20 characters or not starting with a
    /// letter. They never fail validation.
    public var validationWarnings: [CloudEventError] {
        var warnings: [CloudEventError] = []
        for slot in storage.extensions {
            let (count, startsWithLetter) = storage.withBytes(slot.name) {
                ($0.count, $0.first.map { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") } ?? false)
            }
            let name = storage.string(slot.name)
            if count > 20 {
                warnings.append(
                    CloudEventError(
                        .invalidAttributeName, attribute: name,
                        message: "attribute names SHOULD NOT exceed 20 characters; this one has \(count)"))
            }
            if count > 0 && !startsWithLetter {
                warnings.append(
                    CloudEventError(
                        .invalidAttributeName, attribute: name, message: "attribute names SHOULD start with a letter"))
            }
        }
        return warnings
    }

    /// Validates a freshly decoded event whose input lacked (or nulled) the required attributes
    /// in `missing`: those are reported as missing rather than empty. `found` are the violations
    /// the decoder met on the way (values of the wrong type, which it left out of the event):
    /// they come first, and replace any other violation of the same attribute. Marks the event
    /// valid when there are none.
    ///
    /// A single violation the decoder found is thrown as it is (its own code, attribute and byte
    /// offset); more than one, or any rule of validation, make one ``CloudEventError/Code/invalidEvent``
    /// error that lists them all in ``CloudEventError/violations``.
    ///
    /// `dataKindFromContentType` says that the decoder chose the data's kind from
    /// `datacontenttype` (JSON data exactly when it declares JSON), so the rule that the two agree
    /// holds already and is not checked again.
    package mutating func validateDecoded(
        missing: [String], found: [CloudEventError] = [], dataKindFromContentType: Bool = false
    ) throws {
        var errors = validationErrors(checkingDataKind: !dataKindFromContentType)
        for name in missing {
            errors.removeAll { $0.attribute == name }
            errors.append(CloudEventError(.missingAttribute, attribute: name, message: "\(name) is required"))
        }
        if !found.isEmpty {
            errors.removeAll { error in found.contains { $0.attribute == error.attribute } }
            if errors.isEmpty && found.count == 1 { throw found[0] }
            errors = found + errors
        }
        guard errors.isEmpty else { throw CloudEvent.invalidEventError(errors) }
        isKnownValid = true
    }

    package static func invalidEventError(_ errors: [CloudEventError]) -> CloudEventError {
        let summary = errors.map { ($0.attribute.map { "\($0): " } ?? "") + $0.message }.joined(separator: "; ")
        let noun = errors.count == 1 ? "violation" : "violations"
        return CloudEventError(
            .invalidEvent, attribute: errors.count == 1 ? errors[0].attribute : nil,
            message: "\(errors.count) \(noun): \(summary)", violations: errors)
    }

    // MARK: Rules

    private func checkString(
        _ range: TextRange, _ name: String, required: Bool, into errors: inout [CloudEventError]
    ) {
        if required && range.count == 0 {
            errors.append(
                CloudEventError(.emptyAttribute, attribute: name, message: "\(name) must be a non-empty string"))
            return
        }
        if let error = storage.withBytes(range, { AttributeRules.checkString($0, attribute: name) }) {
            errors.append(error)
        }
    }

    private func checkURI(_ range: TextRange, _ name: String, absolute: Bool, into errors: inout [CloudEventError]) {
        if range.count == 0 {
            let kind = absolute ? "URI" : "URI-reference"
            errors.append(
                CloudEventError(.emptyAttribute, attribute: name, message: "\(name) must be a non-empty \(kind)"))
            return
        }
        if let error = storage.withBytes(range, { AttributeRules.checkURI($0, absolute: absolute, attribute: name) }) {
            errors.append(error)
        }
    }

    private func checkExtension(_ slot: ExtensionSlot, into errors: inout [CloudEventError]) {
        let (isValidName, isReserved) = storage.withBytes(slot.name) {
            (StringRules.isValidAttributeName($0), ByteComparison.isReservedName($0, in: specVersion))
        }
        if !isValidName {
            errors.append(
                CloudEventError(
                    .invalidAttributeName, attribute: storage.string(slot.name),
                    message: "attribute names must be one or more lower-case ASCII letters or digits"))
        } else if isReserved {
            let name = storage.string(slot.name)
            errors.append(
                CloudEventError(
                    .invalidAttributeName, attribute: name,
                    message: "\(name) is reserved by the specification and cannot name an extension"))
        }
        guard case .bytes(let type, let range) = slot.value else { return }
        let failure: CloudEventError? = storage.withBytes(range) { bytes in
            switch type {
            case .string: AttributeRules.checkString(bytes, attribute: nil)
            case .uri:
                bytes.isEmpty
                    ? CloudEventError(.emptyAttribute, message: "a URI must be non-empty")
                    : AttributeRules.checkURI(bytes, absolute: true, attribute: nil)
            case .uriReference: AttributeRules.checkURI(bytes, absolute: false, attribute: nil)
            default: nil
            }
        }
        if var failure {
            failure.attribute = storage.string(slot.name)
            errors.append(failure)
        }
    }

    /// The data's kind must agree with `datacontenttype`, or the JSON format could not tell them
    /// apart: JSON data needs a JSON (or absent) content type; text data a non-JSON one.
    private func checkDataKind(into errors: inout [CloudEventError]) {
        guard let data, data.kind != .binary else { return }
        let declaresJSON = storage.dataContentType.map { storage.withBytes($0) { MediaTypeSyntax.isJSON($0) } } ?? true
        if data.kind == .json && !declaresJSON {
            errors.append(
                CloudEventError(
                    .invalidData, attribute: "data",
                    message: "data is JSON but datacontenttype \(dataContentType ?? "") does not declare JSON;"
                        + " use text data or a */json or */*+json content type"))
        } else if data.kind == .text && declaresJSON {
            errors.append(
                CloudEventError(
                    .invalidData, attribute: "data",
                    message:
                        "data is text but datacontenttype \(dataContentType ?? "(absent, implying application/json)")"
                        + " declares JSON; use CloudEventData.json or a non-JSON content type"))
        }
    }
}
