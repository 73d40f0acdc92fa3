/// What a TTree object holds that OpenKey uses: its entry count and branches.
struct ROOTTreeRecord: Sendable {
    var name: String
    var title: String
    var entries: Int64
    var branches: [ROOTBranchRecord]
}
