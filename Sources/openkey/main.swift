import Foundation
import OpenKeyCLI

exit(OpenKeyCommand.run(Array(CommandLine.arguments.dropFirst())))
