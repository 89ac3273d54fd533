import Vapor

/// The OpenAPI description of `/api/v1/`, served at `/api/v1/openapi.json`. Kept beside the
/// controller it describes; the API tests read it to check every route they call is listed.
enum OpenAPIDocument {
    static let json = #"""
        {
          "openapi": "3.0.3",
          "info": {
            "title": "Dikelola API",
            "version": "1",
            "description": "Pendokumentasian Informasi yang Dikecualikan. Authenticate with a personal token: Authorization: Bearer dk_… (made at /akun/token). Errors: {\"error\": \"…\", \"fields\": {\"field\": \"…\"}} with 400, 401, 403, 404, 409, 413 or 422. Text may not hold control characters (tab, and newline in multi-line fields, excepted) or unpaired surrogates: 422 names the field. Bodies: 256 KB for JSON; uploads up to the configured limit, multipart with the file last. Dates: years 1900–9999."
          },
          "components": {
            "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer" } },
            "schemas": {
              "Period": {
                "type": "object", "required": ["kind"],
                "properties": {
                  "kind": { "type": "string", "enum": ["length", "until", "event", "statute"] },
                  "years": { "type": "integer", "minimum": 0, "maximum": 100 }, "months": { "type": "integer", "minimum": 0, "maximum": 1200 },
                  "days": { "type": "integer", "minimum": 0, "maximum": 36500 },
                  "from": { "type": "string", "format": "date" }, "end": { "type": "string", "format": "date" },
                  "event": { "type": "string" }, "reviewOn": { "type": "string", "format": "date" },
                  "latestEnd": { "type": "string", "format": "date" }, "statute": { "type": "string" }
                }
              },
              "Item": {
                "type": "object", "required": ["title", "description", "form"],
                "properties": {
                  "title": { "type": "string" }, "description": { "type": "string" },
                  "holdingUnitID": { "type": "string", "format": "uuid" },
                  "form": { "type": "string", "enum": ["soft", "hard", "both"] },
                  "madeWhen": { "type": "string" }, "madeWhere": { "type": "string" }, "archiveCode": { "type": "string" }
                }
              },
              "Test": {
                "type": "object", "required": ["consequenceIfOpened", "consequenceIfClosed", "verdict", "reason"],
                "properties": {
                  "ground": { "type": "string", "example": "Pasal 17 huruf h angka 2" },
                  "otherStatute": { "type": "string" },
                  "consequenceIfOpened": { "type": "string" }, "consequenceIfClosed": { "type": "string" },
                  "verdict": { "type": "string", "enum": ["closed", "partlyClosed", "open"] },
                  "parts": { "type": "array", "items": { "type": "string" } },
                  "period": { "$ref": "#/components/schemas/Period" },
                  "reason": { "type": "string" }
                }
              },
              "Proposal": { "type": "object", "description": "The proposal, its current step (actor, required documents, due time, blockers), items with tests, and history." },
              "RegisterEntry": { "type": "object" },
              "Decree": { "type": "object" },
              "Error": { "type": "object", "properties": { "error": { "type": "string" }, "fields": { "type": "object" } } }
            }
          },
          "security": [{ "bearer": [] }],
          "paths": {
            "/api/v1/me": { "get": { "summary": "The token's owner and roles", "responses": { "200": { "description": "OK" } } } },
            "/api/v1/units/{unit}/proposals": {
              "parameters": [{ "name": "unit", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } }],
              "get": { "summary": "Proposals of a unit", "responses": { "200": { "description": "OK" } } },
              "post": { "summary": "Open a proposal in the unit's SOP", "requestBody": { "content": { "application/json": { "schema": { "type": "object", "properties": { "title": { "type": "string" } } } } } },
                        "responses": { "201": { "description": "Created", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Proposal" } } } } } }
            },
            "/api/v1/proposals/{proposal}": {
              "parameters": [{ "name": "proposal", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } }],
              "get": { "summary": "A proposal", "responses": { "200": { "description": "OK" } } }
            },
            "/api/v1/proposals/{proposal}/items": {
              "parameters": [{ "name": "proposal", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } }],
              "post": { "summary": "Add an information item", "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Item" } } } }, "responses": { "201": { "description": "Created" } } }
            },
            "/api/v1/proposals/{proposal}/items/{item}": {
          "parameters": [{ "name": "proposal", "in": "path", "required": true, "schema": { "type": "string" } }, { "name": "item", "in": "path", "required": true, "schema": { "type": "string" } }],
          "put": { "summary": "Correct an item (while the list is being made)", "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Item" } } } }, "responses": { "200": { "description": "OK" } } },
          "delete": { "summary": "Remove an item (while the list is being made)", "responses": { "200": { "description": "OK" } } }
        },
        "/api/v1/proposals/{proposal}/items/{item}/test": {
              "parameters": [{ "name": "proposal", "in": "path", "required": true, "schema": { "type": "string" } }, { "name": "item", "in": "path", "required": true, "schema": { "type": "string" } }],
              "put": { "summary": "Record the consequence test of an item", "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Test" } } } }, "responses": { "200": { "description": "OK" }, "422": { "description": "The test breaks the law or misses a part" } } }
            },
            "/api/v1/proposals/{proposal}/items/{item}/location": {
              "parameters": [{ "name": "proposal", "in": "path", "required": true, "schema": { "type": "string" } }, { "name": "item", "in": "path", "required": true, "schema": { "type": "string" } }],
              "put": { "summary": "Record the hard-copy location", "requestBody": { "content": { "application/json": { "schema": { "type": "object", "properties": { "building": { "type": "string" }, "room": { "type": "string" }, "cabinet": { "type": "string" }, "box": { "type": "string" }, "folder": { "type": "string" } } } } } }, "responses": { "200": { "description": "OK" } } }
            },
            "/api/v1/proposals/{proposal}/documents": {
              "parameters": [{ "name": "proposal", "in": "path", "required": true, "schema": { "type": "string" } }],
              "post": { "summary": "Attach a required document or an item's soft copy (multipart: file, requirement or itemID)", "responses": { "201": { "description": "Created" } } }
            },
            "/api/v1/proposals/{proposal}/memo": {
              "parameters": [{ "name": "proposal", "in": "path", "required": true, "schema": { "type": "string" } }],
              "put": { "summary": "Record the memo (nota dinas) of an instruct step", "responses": { "200": { "description": "OK" } } }
            },
            "/api/v1/proposals/{proposal}/opinion": {
              "parameters": [{ "name": "proposal", "in": "path", "required": true, "schema": { "type": "string" } }],
              "put": { "summary": "Record the Tim Pertimbangan's opinion", "responses": { "200": { "description": "OK" } } }
            },
            "/api/v1/proposals/{proposal}/steps/{step}/complete": {
              "parameters": [{ "name": "proposal", "in": "path", "required": true, "schema": { "type": "string" } }, { "name": "step", "in": "path", "required": true, "schema": { "type": "integer" } }],
              "post": { "summary": "Complete the current step (decision: agree or disagree with a note)", "requestBody": { "content": { "application/json": { "schema": { "type": "object", "properties": { "decision": { "type": "string", "enum": ["agree", "disagree"] }, "note": { "type": "string" }, "version": { "type": "integer" } } } } } },
                        "responses": { "200": { "description": "OK" }, "409": { "description": "Not the current step, or changed meanwhile" }, "422": { "description": "Blocked: missing documents or tests" } } }
            },
            "/api/v1/decrees/{decree}": {
              "parameters": [{ "name": "decree", "in": "path", "required": true, "schema": { "type": "string" } }],
              "get": { "summary": "A classification decree with its DIK attachment", "responses": { "200": { "description": "OK" } } }
            },
            "/api/v1/decrees/{decree}/number": {
              "parameters": [{ "name": "decree", "in": "path", "required": true, "schema": { "type": "string" } }],
              "put": { "summary": "Correct the decree's number (unique per body)", "responses": { "200": { "description": "OK" }, "409": { "description": "Number in use" } } }
            },
            "/api/v1/decrees/{decree}/scan": {
              "parameters": [{ "name": "decree", "in": "path", "required": true, "schema": { "type": "string" } }],
              "post": { "summary": "Upload the signed scan (multipart: file); its SHA-256 is kept", "responses": { "201": { "description": "Created" } } },
              "get": { "summary": "Download the signed scan (audited)", "responses": { "200": { "description": "OK" } } }
            },
            "/api/v1/units/{unit}/register": {
              "parameters": [{ "name": "unit", "in": "path", "required": true, "schema": { "type": "string" } }],
              "get": { "summary": "The unit's register (DIK), by end of period", "responses": { "200": { "description": "OK" } } }
            },
            "/api/v1/bodies/{body}/register": {
              "parameters": [{ "name": "body", "in": "path", "required": true, "schema": { "type": "string" } }],
              "get": { "summary": "The body's register (DIK), by end of period", "responses": { "200": { "description": "OK" } } }
            },
            "/publik/cari": {
              "get": {
                "summary": "Public search across every body's published register (no sign-in)", "security": [],
                "parameters": [
                  { "name": "format", "in": "query", "schema": { "type": "string", "enum": ["json"] }, "description": "json for this answer; without it an HTML page" },
                  { "name": "q", "in": "query", "schema": { "type": "string", "maxLength": 200 }, "description": "Words, each matched as a prefix in the published fields: the register number, the information, the consequences and, once opened, the DIP summary" },
                  { "name": "badan", "in": "query", "schema": { "type": "string" }, "description": "Body's public address (slug)" },
                  { "name": "unit", "in": "query", "schema": { "type": "string" } },
                  { "name": "dasar", "in": "query", "schema": { "type": "string", "pattern": "^[a-j]$" }, "description": "Letter of UU 14/2008 Pasal 17" },
                  { "name": "tahun", "in": "query", "schema": { "type": "integer" }, "description": "Year the period ends" },
                  { "name": "keadaan", "in": "query", "schema": { "type": "string", "enum": ["exempted", "endingSoon", "reviewDue", "opened"] } },
                  { "name": "halaman", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 500 }, "description": "Page (20 results each)" },
                  { "name": "lang", "in": "query", "schema": { "type": "string", "enum": ["en"] }, "description": "en for English labels, messages and entry links" }
                ],
                "responses": {
                  "200": { "description": "{total, page, pageSize, results: [{body, bodyName, id, title, unit, ground, status, endDate, url}]}" },
                  "400": { "description": "A filter is not valid: {error, field} (the HTML page names it beside the field)" }
                }
              }
            },
            "/publik/{slug}/terkini/dik.json": {
              "parameters": [{ "name": "slug", "in": "path", "required": true, "schema": { "type": "string" }, "description": "The body's short name in its public address" }],
              "get": {
                "summary": "The body's current published register: {body, version, publishedAt, entries: [public fields]} (also dik.csv, dik.xlsx, cetak.html, feed.atom, embed.html, en/ for the pages in English; versi/{n}/ for past versions)",
                "security": [], "responses": { "200": { "description": "OK" }, "404": { "description": "No such body or not yet published" } }
              }
            }
          }
        }
        """#

    static func response() -> Response {
        let response = Response(status: .ok, body: .init(string: json))
        response.headers.contentType = .json
        return response
    }
}
