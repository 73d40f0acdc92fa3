/// The few Python functions exported awkward code calls to keep OpenKey's meaning; each is written only when used.
enum PythonHelper: String, CaseIterable, Sendable, Hashable, Comparable {
    case isTrue, at, sliceLists, differ, roundHalfAway, deltaPhi, fourVector, sumOfVectors

    static func < (a: PythonHelper, b: PythonHelper) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }

    /// The helper's source; `ak` is the array library's name (`ak` or `dak`).
    func source(ak: String) -> String {
        switch self {
        case .isTrue:
            return """
            def is_true(x):
                \"\"\"A number counts as true when it is neither zero nor NaN.\"\"\"
                return (x != 0) & ~np.isnan(x)
            """
        case .at:
            return """
            def at(lists, index):
                \"\"\"Element `index` of each event's list (negative counts from the end); NaN where the event has too few.\"\"\"
                n = \(ak).num(lists, axis=1)
                if isinstance(index, (int, float)):
                    position = n + index if index < 0 else index
                else:
                    position = \(ak).where(index < 0, n + index, index)
                picked = lists[\(ak).local_index(lists, axis=1) == position]
                return \(ak).fill_none(\(ak).firsts(picked), np.nan)
            """
        case .sliceLists:
            return """
            def slice_lists(lists, low, high):
                \"\"\"Elements low..high-1 of each event's list, bounds given per event (Python's rules: negative counts from the end).\"\"\"
                n = \(ak).num(lists, axis=1)
                i = \(ak).local_index(lists, axis=1)
                low = n * 0 + low
                high = n if high is None else n * 0 + high
                low = \(ak).where(low < 0, n + low, low)
                high = \(ak).where(high < 0, n + high, high)
                return lists[(i >= np.floor(low)) & (i < np.floor(high))]
            """
        case .differ:
            return """
            def differ(a, b):
                \"\"\"a != b, where an undefined value (NaN) never counts as different.\"\"\"
                return (a != b) & ~np.isnan(a) & ~np.isnan(b)
            """
        case .roundHalfAway:
            return """
            def round_half_away(x):
                \"\"\"Rounds halves away from zero (numpy's round would round them to even).\"\"\"
                return np.sign(x) * np.floor(np.abs(x) + 0.5)
            """
        case .deltaPhi:
            return """
            def delta_phi(a, b):
                \"\"\"a - b as an angle in [-pi, pi].\"\"\"
                d = np.fmod(a - b, 2 * np.pi)
                return d - 2 * np.pi * (d > np.pi) + 2 * np.pi * (d < -np.pi)
            """
        case .fourVector:
            return """
            def four_vector(pt, eta, phi, energy):
                \"\"\"One four-vector per event from (pT, eta, phi, E), with vector's methods (.mass, .pt, .eta, .phi).\"\"\"
                return \(ak).zip({"pt": pt, "eta": eta, "phi": phi, "E": energy}, with_name="Momentum4D", behavior=VECTOR)
            """
        case .sumOfVectors:
            return """
            def sum_of_vectors(pt, eta, phi, energy):
                \"\"\"The sum of each event's four-vectors, given as lists of (pT, eta, phi, E).\"\"\"
                v = \(ak).zip({"pt": pt, "eta": eta, "phi": phi, "E": energy}, with_name="Momentum4D", behavior=VECTOR)
                return \(ak).zip({"px": \(ak).sum(v.px, axis=1), "py": \(ak).sum(v.py, axis=1), "pz": \(ak).sum(v.pz, axis=1),
                               "E": \(ak).sum(v.E, axis=1)}, with_name="Momentum4D", behavior=VECTOR)
            """
        }
    }
}
