// registry.h: every record type, declared once. Its fields (kind, range, what an id points at),
// limits, a human label, and which fields a member may write about themselves. Validation of
// files, the JSON Schema (`cultivate schema`), the import preview's names and counts, the CSV
// mapping and `cultivate stats` all read this table; nothing else lists fields by hand.
//  [SECTION] Declarations
//  [SECTION] Lookup
//  [SECTION] Validation of one value
//  [SECTION] Labels
//  [SECTION] JSON Schema
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace cv {

// [SECTION] Declarations ---------------------------------------------------------------------------

// What a field holds. Every field may also be null ("not set", as after an undone write).
enum class FieldKind {
  Text,    // a string (no control characters but tab and line breaks)
  Number,  // a number in [min, max]; a whole number when `whole`
  Bool,    // true or false
  Ref,     // the id of a record of type `ref` ("" while unset)
  Refs,    // a list of ids of records of type `ref`
  Texts,   // a list of strings
  Date,    // "YYYY-MM-DD" as written (a string)
  Time,    // "HH:MM", local (a string)
  Groups,  // a list of groups, each a list of member ids (breakout rounds)
  Ints,    // a list of whole numbers in [min, max]
};

struct FieldDecl {
  const char* name;
  FieldKind kind;
  const char* doc;              // one sentence for the schema and tooltips
  const char* ref = nullptr;    // Ref, Refs: the record type pointed at ("" any type)
  double min = 0, max = 0;      // Number, Ints
  bool whole = true;            // Number: whole numbers only
  bool self = false;            // the member the record belongs to may write it (live sync)
  size_t max_chars = 100000;    // Text, Texts: characters per text
  const char* type = "";        // the record type of the typed constant it was declared with (fields.h)
  // A sign-up sheet column can fill it: the column's label in the mapping, the words of a header that
  // suggest it ('|' between them), and the order headers are tried in (lower first).
  const char* sheet = nullptr;
  const char* sheet_words = nullptr;
  int sheet_rank = 0;
};

struct RecordDecl {
  const char* type;             // "member"
  const char* label;            // "member"
  const char* plural;           // "members"
  const char* doc;              // what a record of this type is
  const char* owner;            // the field naming the member it belongs to; "id" for the member
                                // itself; "" when it belongs to the community (moderators write it)
  std::vector<FieldDecl> fields;
};

// Every field of every record: true when set, with its stamp ("deleted").
inline constexpr const char* kDeletedField = "deleted";

// [SECTION] Lookup ---------------------------------------------------------------------------------
const std::vector<RecordDecl>& record_types();
const RecordDecl* record_decl(std::string_view type);  // nullptr: a type of a newer version
const FieldDecl* field_decl(std::string_view type, std::string_view field);  // nullptr: not declared

// [SECTION] Validation of one value ----------------------------------------------------------------
// Checks one field's value against its declaration; "" when it is acceptable, else what was expected
// ("expected a whole number from 0 to 1440, found 1e+308"). Fields and types the registry does not
// know are accepted (a newer Cultivate may have written them); their strings are still checked.
// `where` gets the place of a problem inside a list ("[2]"), appended by the caller.
std::string check_field_value(std::string_view type, std::string_view field, const nlohmann::json& v,
                              std::string& where);
// The same with the record type looked up once (an import checks every field of 60,000 records).
std::string check_field_value(const RecordDecl* type, std::string_view field, const nlohmann::json& v,
                              std::string& where);
// Checks every value an Op would write, as an import would: "" when all are acceptable, else the
// first problem ("notes: text is longer than 100000 characters"). What is stored must read back.
struct Op;
std::string check_op(const Op& op);
// True when a string may be stored as text: no control characters but tab, line feed and carriage
// return (a NUL would cut labels on screen and hide text that exports still carry).
bool text_allowed(std::string_view s);
// "a string", "a number", "an object", ... for messages.
const char* json_kind(const nlohmann::json& v);

// [SECTION] Labels ---------------------------------------------------------------------------------
// "3 members", "1 member", "2 agenda blocks"; unknown types by their own name.
std::string count_label(std::string_view type, long long n);
std::string plural_label(std::string_view type);

// [SECTION] JSON Schema ----------------------------------------------------------------------------
// The whole JSON Schema of the file format (assets/community.schema.json is this, written out).
nlohmann::json file_schema();

}  // namespace cv
