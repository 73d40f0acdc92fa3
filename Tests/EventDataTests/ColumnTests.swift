import EventData
import Testing

@Suite struct ColumnTests {
    @Test func jaggedFactoryBuildsOffsetsFromZero() {
        let column = Column.jagged([[1, 2], [], [3]], kind: .int)
        #expect(column.isJagged)
        #expect(column.kind == .int)
        #expect(column.offsets == [0, 2, 2, 3])
        #expect(column.values == [1, 2, 3])
        #expect(column.eventCount == 3)
        #expect(Array(column.list(at: 0)) == [1, 2])
        #expect(column.list(at: 1).isEmpty)
        #expect(Array(column.list(at: 2)) == [3])
    }

    @Test func scalarColumnHasOneValuePerEvent() {
        let column = Column.scalar([4, 5, 6])
        #expect(!column.isJagged)
        #expect(column.kind == .float)
        #expect(column.eventCount == 3)
        #expect(Array(column.list(at: 1)) == [5])
    }

    @Test func emptyJaggedColumnHasNoEvents() {
        let column = Column.jagged([])
        #expect(column.offsets == [0])
        #expect(column.eventCount == 0)
    }

    @Test func gatherScalarKeepsOrderAndRepeats() {
        let column = Column.scalar([10, 11, 12, 13], kind: .int)
        let gathered = column.gather([3, 0, 0, 2])
        #expect(gathered == Column.scalar([13, 10, 10, 12], kind: .int))
        #expect(column.gather([]).eventCount == 0)
    }

    @Test func gatherJaggedRebuildsOffsets() {
        let column = Column.jagged([[1, 2], [], [3], [4, 5, 6]])
        let gathered = column.gather([3, 1, 0])
        #expect(gathered == Column.jagged([[4, 5, 6], [], [1, 2]]))
        #expect(gathered.offsets == [0, 3, 3, 5])
        let none = column.gather([])
        #expect(none.offsets == [0])
        #expect(none.values.isEmpty)
    }

    @Test func gatherAllIsIdentity() {
        let column = Column.jagged([[1], [2, 3], [], [4]], kind: .bool)
        #expect(column.gather([0, 1, 2, 3]) == column)
    }

    @Test func sliceRebasesOffsets() {
        let column = Column.jagged([[1, 2], [], [3], [4, 5, 6]])
        #expect(column.slice(events: 1..<4) == Column.jagged([[], [3], [4, 5, 6]]))
        #expect(column.slice(events: 2..<2) == Column.jagged([]))
        #expect(Column.scalar([1, 2, 3]).slice(events: 1..<3) == Column.scalar([2, 3]))
    }
}
