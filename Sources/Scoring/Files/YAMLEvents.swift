// libyaml itself, as vendored by Yams (the `CYaml` module every Yams build compiles and links).
// Yams keeps its event API private, so this is the one file that uses libyaml directly; the import
// is internal, so programs that use `Scoring` never see it.
internal import CYaml

/// libyaml's parser as a stream of events, read without building Yams' node tree.
///
/// For a small file, most of the time Yams spends is not parsing: it is building a `Node` for
/// every value, copying every text through Foundation, and hashing every key to look for
/// duplicates. A reader that knows the shape it expects can take the events as they come and keep
/// only what it needs (``SelfAssessment`` does, for the common layout). Errors are not described
/// here: a reader that meets anything it does not expect leaves the file to ``StructuredFile``,
/// which parses it again through Yams and says what is wrong, exactly as for any other file.
final class YAMLEvents {
    enum Kind {
        case streamStart, streamEnd, documentStart, documentEnd
        case scalar, alias, sequenceStart, sequenceEnd, mappingStart, mappingEnd
    }

    /// One event, with what a reader of plain files needs from it.
    struct Event {
        var kind: Kind
        /// The scalar's text, exactly as Yams gives it; empty for other events.
        var text: String
        /// Whether a scalar was written without quotes, so that blank, `~` and `null` mean null.
        var isPlain: Bool
        /// Whether the value has an anchor (`&name`) or a tag (`!!str`), which Yams records and
        /// plain files never have.
        var isDecorated: Bool
        /// Where the event starts, counted as Yams counts (from 1).
        var location: SourceLocation

        /// A scalar written as a null: blank, `~` or `null` without quotes (as `Node.Scalar.isNull`).
        var isNull: Bool {
            guard kind == .scalar, isPlain, text.utf8.count <= 4 else { return false }
            switch text {
            case "", "~", "null", "Null", "NULL": return true
            default: return false
            }
        }
    }

    /// The parser lives at a fixed address: libyaml keeps a pointer to it while reading.
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let ready: Bool

    /// A parser over `utf8`, which must stay valid and unmoved until this object is gone.
    init(utf8: UnsafeBufferPointer<UInt8>) {
        parser = .allocate(capacity: 1)
        ready = yaml_parser_initialize(parser) == 1
        guard ready else { return }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, utf8.baseAddress, utf8.count)
    }

    deinit {
        if ready { yaml_parser_delete(parser) }
        parser.deallocate()
    }

    /// The next event, or `nil` when the text is not well-formed YAML (or memory ran out).
    func next() -> Event? {
        guard ready else { return nil }
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { return nil }
        defer { yaml_event_delete(&event) }
        let location = SourceLocation(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        func plain(_ kind: Kind, decorated: Bool = false) -> Event {
            Event(kind: kind, text: "", isPlain: false, isDecorated: decorated, location: location)
        }
        switch event.type {
        case YAML_STREAM_START_EVENT: return plain(.streamStart)
        case YAML_STREAM_END_EVENT: return plain(.streamEnd)
        case YAML_DOCUMENT_START_EVENT: return plain(.documentStart)
        case YAML_DOCUMENT_END_EVENT: return plain(.documentEnd)
        case YAML_ALIAS_EVENT: return plain(.alias, decorated: true)
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            return plain(.sequenceStart, decorated: start.anchor != nil || start.tag != nil)
        case YAML_SEQUENCE_END_EVENT: return plain(.sequenceEnd)
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            return plain(.mappingStart, decorated: start.anchor != nil || start.tag != nil)
        case YAML_MAPPING_END_EVENT: return plain(.mappingEnd)
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let bytes = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
            // Yams makes its text with Foundation, which drops a leading byte-order mark; such a
            // text is marked decorated so that it is read by Yams, not guessed at here.
            let startsWithMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
            return Event(
                kind: .scalar, text: String(decoding: bytes, as: UTF8.self), isPlain: scalar.style == YAML_PLAIN_SCALAR_STYLE,
                isDecorated: scalar.anchor != nil || scalar.tag != nil || startsWithMark, location: location)
        default:
            return nil
        }
    }
}
