import Foundation

/// A JSON Schema as the OpenAPI document writes it, built in Swift so the document cannot drift
/// from a typo in a hand-written JSON text.
indirect enum APISchema: Sendable {
    case ref(String)
    case string(format: String? = nil, values: [String]? = nil, maxLength: Int? = nil, pattern: String? = nil, example: String? = nil)
    case integer(minimum: Int? = nil, maximum: Int? = nil)
    case boolean
    case array(APISchema)
    /// An object: its properties, which are required, and what it is.
    case object([String: APISchema], required: [String] = [], description: String? = nil)
    /// A map from names to values of one schema (the `fields` of an error).
    case map(APISchema)
    /// A value that may be null.
    case nullable(APISchema)

    static let text = APISchema.string()
    static let uuid = APISchema.string(format: "uuid")
    static let date = APISchema.string(format: "date")
    static let instant = APISchema.string(format: "date-time")

    /// The schema as JSON-ready values.
    var json: [String: Any] {
        switch self {
        case let .ref(name): return ["$ref": "#/components/schemas/\(name)"]
        case let .string(format, values, maxLength, pattern, example):
            var out: [String: Any] = ["type": "string"]
            if let format { out["format"] = format }
            if let values { out["enum"] = values }
            if let maxLength { out["maxLength"] = maxLength }
            if let pattern { out["pattern"] = pattern }
            if let example { out["example"] = example }
            return out
        case let .integer(minimum, maximum):
            var out: [String: Any] = ["type": "integer"]
            if let minimum { out["minimum"] = minimum }
            if let maximum { out["maximum"] = maximum }
            return out
        case .boolean: return ["type": "boolean"]
        case let .array(items): return ["type": "array", "items": items.json]
        case let .object(properties, required, description):
            var out: [String: Any] = ["type": "object", "properties": properties.mapValues(\.json)]
            if !required.isEmpty { out["required"] = required }
            if let description { out["description"] = description }
            return out
        case let .map(values): return ["type": "object", "additionalProperties": values.json]
        case let .nullable(schema):
            var out = schema.json
            if out["$ref"] != nil { return ["allOf": [out], "nullable": true] }
            out["nullable"] = true
            return out
        }
    }
}
