// fields.cpp: see fields.h.
#include "core/fields.h"

#include <algorithm>
#include <cmath>

#include "core/registry.h"

namespace cv {

namespace {

// A whole number within the field's declared range (a forged 1e308 never reaches an int).
double clamped(const json& v, const char* type, const char* name, double fallback) {
  if (!v.is_number()) return fallback;
  double x = v.get<double>();
  if (!std::isfinite(x)) return fallback;
  if (const FieldDecl* d = field_decl(type, name); d && d->kind == FieldKind::Number) x = std::clamp(x, d->min, d->max);
  return x;
}

}  // namespace

std::string get(const Record& r, TextField f) { return r.text(f.name); }

int get(const Record& r, WholeField f, int fallback) {
  const double x = clamped(r.get(f.name), f.type, f.name, fallback);
  return static_cast<int>(std::clamp(std::floor(x), -2147483648.0, 2147483647.0));
}

int64_t get(const Record& r, MillisField f, int64_t fallback) {
  const double x = clamped(r.get(f.name), f.type, f.name, static_cast<double>(fallback));
  return static_cast<int64_t>(std::clamp(x, 0.0, 9007199254740992.0));
}

double get(const Record& r, RealField f, double fallback) { return clamped(r.get(f.name), f.type, f.name, fallback); }

bool get(const Record& r, FlagField f) {
  const json& v = r.get(f.name);
  return v.is_boolean() && v.get<bool>();
}

std::vector<std::string> get(const Record& r, TextsField f) { return r.texts(f.name); }

Groups get(const Record& r, GroupsField f) {
  Groups out;
  const json& v = r.get(f.name);
  if (!v.is_array()) return out;
  for (const json& g : v) {
    std::vector<std::string> members;
    if (g.is_array())
      for (const json& m : g)
        if (m.is_string()) members.push_back(m.get<std::string>());
    out.push_back(std::move(members));
  }
  return out;
}

std::vector<int> get(const Record& r, IntsField f) {
  std::vector<int> out;
  const json& v = r.get(f.name);
  if (v.is_array())
    for (const json& x : v)
      if (x.is_number_integer() && x.get<int64_t>() >= 0 && x.get<int64_t>() <= 1000000) out.push_back(x.get<int>());
  return out;
}

Op op_new(const std::string& label, const std::string& id, const char* type) {
  Op op{label, {}};
  put_new(op, id, type);
  return op;
}

void put_new(Op& op, const std::string& id, const char* type) { op.changes.push_back({id, type, "deleted", false}); }

}  // namespace cv
