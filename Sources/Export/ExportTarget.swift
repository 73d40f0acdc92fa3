/// What an analysis can be exported to: the programs researchers use, locally or on a cluster.
public enum ExportTarget: Sendable, Hashable {
    /// A Python script with ROOT's RDataFrame; `distributed` runs the same graph on ROOT's distributed backend.
    case rdataframe(distributed: DistributedBackend?)
    /// A Python script with uproot, awkward, vector and hist; `dask` builds the same computation lazily with
    /// uproot.dask / dask-awkward / hist.dask, so it runs on a Dask cluster.
    case uproot(dask: Bool)
    /// A C++ macro for ROOT (RDataFrame), run with `root -l -b -q file.C`.
    case cpp

    /// ROOT's own distributed RDataFrame backends.
    public enum DistributedBackend: String, Sendable, Hashable, CaseIterable { case dask, spark }

    /// The usual file name ending for this target, e.g. `_rdataframe.py`.
    public var fileSuffix: String {
        switch self {
        case .rdataframe(nil): return "_rdataframe.py"
        case .rdataframe(let backend?): return "_rdataframe_\(backend.rawValue).py"
        case .uproot(false): return "_uproot.py"
        case .uproot(true): return "_uproot_dask.py"
        case .cpp: return "_rdataframe.C"
        }
    }

    /// How the target is named to readers.
    public var displayName: String {
        switch self {
        case .rdataframe(nil): return "ROOT RDataFrame (Python)"
        case .rdataframe(.dask?): return "ROOT distributed RDataFrame on Dask (Python)"
        case .rdataframe(.spark?): return "ROOT distributed RDataFrame on Spark (Python)"
        case .uproot(false): return "uproot + awkward + vector + hist (Python)"
        case .uproot(true): return "uproot.dask + dask-awkward + hist.dask (Python)"
        case .cpp: return "ROOT RDataFrame (C++ macro)"
        }
    }
}
