/// Where templates come from: those shipped inside `insights` (built from the package's
/// `Templates/` folder), overridden by a project's `.superagent/templates/NAME.md`.
public struct TemplateCatalog: Sendable {
    /// The project's template folder, if it has one.
    package let projectFolder: String?

    /// The project folder's path below a project root.
    package static let projectRelativePath = ".superagent/templates"

    /// A catalog reading overrides from `projectFolder`.
    public init(projectFolder: String?) {
        self.projectFolder = projectFolder
    }

    /// The catalog of the project around `workingDirectory`: overrides come from the nearest
    /// `.superagent/templates` folder walking up from it.
    package static func around(workingDirectory: String) -> TemplateCatalog {
        TemplateCatalog(projectFolder: FilePath.nearest(projectRelativePath, from: workingDirectory, where: POSIX.isDirectory))
    }

    /// Names of the bundled templates, sorted.
    package static var bundledNames: [String] { bundledSources.map(\.name).sorted() }

    /// The bundled template file `name`'s text, if there is one.
    package static func bundledSource(_ name: String) -> String? {
        bundledSources.first { $0.name == name }?.text
    }

    /// Every template name, bundled or the project's, sorted, each with whether the project
    /// provides it.
    package func names() throws -> [(name: String, fromProject: Bool)] {
        let project = Set(try projectNames())
        let all = Set(Self.bundledNames).union(project)
        return all.sorted().map { ($0, project.contains($0)) }
    }

    /// The template `name`: the project's file if it has one, else the bundled one. Throws
    /// `usage` for a name that is not a plain name or names no template.
    public func template(named name: String) throws -> AgentTemplate {
        try Self.checkName(name)
        if let projectFolder {
            let path = FilePath.join(projectFolder, name + ".md")
            if let bytes = try POSIX.readFile(path) {
                return try AgentTemplate.parse(bytes, name: name, origin: path)
            }
        }
        if let text = Self.bundledSource(name) {
            return try AgentTemplate.parse(Array(text.utf8), name: name, origin: "bundled")
        }
        let known = try names().map(\.name)
        let suggestion = Closest.match(name, in: known).map { "did you mean \"\($0)\"? " } ?? ""
        throw InsightsError(.usage, "no template named \"\(name)\"",
                            hint: suggestion + "templates: " + known.joined(separator: ", "))
    }

    /// The template of agent `name`, which must name the section the agent owns (not a
    /// placeholder, as `default` does). Throws `usage` otherwise.
    package func agent(named name: String) throws -> AgentTemplate {
        let template = try template(named: name)
        guard template.ownsSection else {
            throw InsightsError(.usage, "template \(name) belongs to no agent: it names no section",
                                hint: "address the section by its title, with this template by name")
        }
        return template
    }

    /// The section each template owns, with its agent and budget, in the order of the
    /// templates' names. A template that cannot be read, or owns no section, is left out.
    package func owners() -> [SectionOwner] {
        guard let names = try? names() else { return [] }
        return names.compactMap { entry in
            if entry.fromProject, let folder = projectFolder {
                let path = FilePath.join(folder, entry.name + ".md")
                return (try? POSIX.readFile(path)).flatMap { $0 }.flatMap { AgentTemplate.declaredOwner($0, name: entry.name, origin: path) }
            }
            return Self.bundledSource(entry.name).flatMap { AgentTemplate.declaredOwner(Array($0.utf8), name: entry.name, origin: "bundled") }
        }
    }

    /// The budgets the templates declare (`limit:`), each for the section its template owns.
    /// A template that cannot be read sets no budget.
    package func budgets() -> [SectionBudget] {
        owners().compactMap { owner in owner.limit.map { SectionBudget(address: SectionAddress(title: owner.section), limit: $0) } }
    }

    /// The titles of the sections the templates own. A template that cannot be read owns none.
    package func ownedSections() -> [String] {
        owners().map(\.section)
    }

    /// The budget of the level-2 section `title` (matched in the loose form), if a template
    /// that owns it declares one.
    package func budget(ofSection title: String) -> Int? {
        let loose = Title.loose(title)
        return budgets().first { Title.loose($0.address.title) == loose }?.limit
    }

    /// Throws `usage` unless `name` is a plain name: letters, digits, `.`, `_` and `-`, not
    /// starting with a `.`, so that it can only name a file inside a template folder.
    package static func checkName(_ name: String) throws {
        let plain = !name.isEmpty && name.utf8.first != ASCII.dot && name.utf8.allSatisfy {
            ASCII.isDigit($0) || ASCII.isLetter($0) || $0 == ASCII.dot || $0 == ASCII.underscore || $0 == ASCII.minus
        }
        guard plain else {
            throw InsightsError(.usage, "template name \(name.debugDescription) is not a plain name",
                                hint: "a template is named like `backend-architect`: letters, digits, '.', '_' and '-', no '/' or leading '.'")
        }
    }

    /// The names of the project's template files.
    private func projectNames() throws -> [String] {
        guard let projectFolder else { return [] }
        return try POSIX.fileNames(in: projectFolder).compactMap { file in
            guard file.hasSuffix(".md") else { return nil }
            let name = String(file.dropLast(3))
            return (try? Self.checkName(name)) == nil ? nil : name
        }
    }
}
