/// The few C++ functions exported RDataFrame code calls to keep OpenKey's meaning; each is written out only when used.
enum CppHelper: String, CaseIterable, Sendable, Hashable, Comparable {
    case isTrue, at, sublist, differ, meanOrNaN, extremeOrNaN, pairExtreme, p4, sumP4

    static func < (a: CppHelper, b: CppHelper) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }

    /// The C++ source of the helper, guarded so that declaring it again (a Dask worker running several
    /// analyses) is harmless.
    var source: String {
        let guardName = "OPENKEY_" + rawValue.uppercased()
        return "#ifndef \(guardName)\n#define \(guardName)\n" + body + "\n#endif"
    }

    private var body: String {
        switch self {
        case .isTrue:
            return """
            // A number counts as true when it is neither zero nor NaN.
            inline bool is_true(double x) { return x != 0 && !std::isnan(x); }
            template <typename T> ROOT::RVec<int> is_true(const ROOT::RVec<T>& v) {
                ROOT::RVec<int> out(v.size());
                for (std::size_t i = 0; i < v.size(); ++i) out[i] = is_true(double(v[i]));
                return out;
            }
            """
        case .at:
            return """
            // Element i of an event's list (negative i counts from the end), or NaN when the event has too few.
            template <typename T> double at(const ROOT::RVec<T>& v, double i) {
                const long n = v.size();
                if (!std::isfinite(i) || i != std::floor(i)) return std::numeric_limits<double>::quiet_NaN();
                const long k = i < 0 ? n + long(i) : long(i);
                return k >= 0 && k < n ? double(v[k]) : std::numeric_limits<double>::quiet_NaN();
            }
            """
        case .sublist:
            return """
            // Elements lo..hi-1 of an event's list, with Python's rules (negative bounds count from the end, clamped).
            template <typename T> ROOT::RVec<double> sublist(const ROOT::RVec<T>& v, double lo, double hi) {
                const long n = v.size();
                auto clamp = [n](double x) { long i = long(std::floor(x)); if (i < 0) i += n; return std::min(n, std::max(0L, i)); };
                const long a = std::isfinite(lo) ? clamp(lo) : 0, b = std::isfinite(hi) ? clamp(hi) : n;
                ROOT::RVec<double> out;
                for (long i = a; i < b; ++i) out.push_back(double(v[i]));
                return out;
            }
            """
        case .differ:
            return """
            // "a != b" where an undefined value (NaN) never counts as different.
            template <typename A, typename B> auto differ(const A& a, const B& b) { return a != b && a == a && b == b; }
            """
        case .meanOrNaN:
            return """
            // Mean of an event's list; NaN for an empty list.
            template <typename T> double mean_or_nan(const ROOT::RVec<T>& v) {
                return v.empty() ? std::numeric_limits<double>::quiet_NaN() : ROOT::VecOps::Sum(ROOT::RVecD(v)) / v.size();
            }
            """
        case .extremeOrNaN:
            return """
            // Smallest and largest element of an event's list; NaN for an empty list or one holding NaN.
            template <typename T> double min_or_nan(const ROOT::RVec<T>& v) {
                if (v.empty() || ROOT::VecOps::Any(ROOT::VecOps::isnan(ROOT::RVecD(v)))) return std::numeric_limits<double>::quiet_NaN();
                return double(ROOT::VecOps::Min(v));
            }
            template <typename T> double max_or_nan(const ROOT::RVec<T>& v) {
                if (v.empty() || ROOT::VecOps::Any(ROOT::VecOps::isnan(ROOT::RVecD(v)))) return std::numeric_limits<double>::quiet_NaN();
                return double(ROOT::VecOps::Max(v));
            }
            """
        case .pairExtreme:
            return """
            // The smaller / larger of two values; NaN if either is NaN.
            inline double min_of(double a, double b) { return std::isnan(a) || std::isnan(b) ? std::numeric_limits<double>::quiet_NaN() : std::min(a, b); }
            inline double max_of(double a, double b) { return std::isnan(a) || std::isnan(b) ? std::numeric_limits<double>::quiet_NaN() : std::max(a, b); }
            """
        case .p4:
            return """
            // One four-vector from (pT, eta, phi, E).
            inline ROOT::Math::PxPyPzEVector p4(double pt, double eta, double phi, double e) {
                return ROOT::Math::PxPyPzEVector(pt * std::cos(phi), pt * std::sin(phi), pt * std::sinh(eta), e);
            }
            """
        case .sumP4:
            return """
            // The sum of an event's four-vectors, given as lists of (pT, eta, phi, E), in double precision.
            template <typename A, typename B, typename C, typename D>
            ROOT::Math::PxPyPzEVector sum_p4(const ROOT::RVec<A>& pt, const ROOT::RVec<B>& eta, const ROOT::RVec<C>& phi, const ROOT::RVec<D>& e) {
                double px = 0, py = 0, pz = 0, energy = 0;
                for (std::size_t i = 0; i < pt.size(); ++i) {
                    const double p = pt[i], h = eta[i], f = phi[i];
                    px += p * std::cos(f); py += p * std::sin(f); pz += p * std::sinh(h); energy += e[i];
                }
                return ROOT::Math::PxPyPzEVector(px, py, pz, energy);
            }
            """
        }
    }
}
