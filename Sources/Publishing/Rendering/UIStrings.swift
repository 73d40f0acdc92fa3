import Templating

/// Every word the templates show, by key, given to templates as `ui`. English is the complete reference;
/// translated catalogues (a later stage) fall back to it key by key.
public enum UIStrings {
    public static let english: [String: String] = [
        "home": "Home",
        "paths": "Learning paths",
        "map": "Map of paths",
        "curricula": "Curriculum coverage",
        "contents": "On this page",
        "curriculumLinks": "Curriculum links",
        "previous": "Previous",
        "next": "Next",
        "step": "Step",
        "of": "of",
        "steps": "steps",
        "audience": "For",
        "time": "Time",
        "level": "Level",
        "duration": "Duration",
        "goDeeper": "Go deeper",
        "module": "Module",
        "includesPath": "Includes the path",
        "visited": "visited",
        "coverage": "covered",
        "objectives": "objectives",
        "covered": "Covered by",
        "notCovered": "Not covered yet",
        "partlyCovered": "Partly covered through its sub-objectives",
        "issuer": "Issuer",
        "teacherEdition": "Teacher edition",
        "studentEdition": "Student edition",
        "skipToContent": "Skip to content",
        "menu": "Menu",
        "inPath": "In the path",
        "mapIntro": "Each column is a learning path, read from top to bottom. Dashed arrows are “go deeper” connections to other paths.",
        "builtOn": "Built on",
        "audience.students": "Students",
        "audience.teachers": "Teachers",
        "audience.everyone": "Everyone",
        "level.introductory": "Introductory",
        "level.intermediate": "Intermediate",
        "level.advanced": "Advanced",
    ]

    public static func context(_ strings: [String: String]) -> TemplateValue {
        // Mustache names with dots are paths, so "audience.students" is exposed as ui.audience_students.
        .object(Dictionary(uniqueKeysWithValues: strings.map { ($0.key.replacingOccurrences(of: ".", with: "_"), TemplateValue.string($0.value)) }))
    }
}
