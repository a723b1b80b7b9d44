import Foundation
import Testing

/// `sprint-report fetch` run as a process against the stand-in API (FakeExportAPI): for each
/// scenario the exit status, the message, the requests the server saw and the output file.
@Suite("fetch against the stand-in API")
struct FetchEndToEndTests {
    static let createPath = "/v2/insights/sprint/exports"
    static func pollPath(_ id: String) -> String { "/v2/insights/sprints/exports/\(id)" }
    static let fixture = try? Data(contentsOf: URL(fileURLWithPath: FakeExportAPI.export))

    /// The key appears in nothing the tool printed.
    static func expectNoKey(_ run: ToolProcess.Result, _ api: FakeExportAPI) {
        #expect(!run.stderr.contains(api.key))
        #expect(run.stdout.range(of: Data(api.key.utf8)) == nil)
    }

    /// Every request to the API (127.0.0.1) carried the key and the identifiers' query.
    static func expectAPIRequests(_ requests: [FakeExportAPI.Seen], _ api: FakeExportAPI) {
        for r in requests where r.host == "127.0.0.1:\(api.port)" {
            #expect(r.authorization == "ApiKey \(api.key)", "\(r.method) \(r.path)")
            #expect(r.query["projectIdentifier"] == "proj+1", "\(r.path)")
            #expect(r.query["orgIdentifier"] == "org&1 x", "\(r.path)")
        }
    }

    /// An earlier export at the output path (gzip bytes), to see it survive a failure.
    static func earlierExport(in api: FakeExportAPI) throws -> (path: String, bytes: Data) {
        let path = api.directory.appendingPathComponent("export.csv.gz").path
        let bytes = Data([0x1F, 0x8B] + Array("earlier export".utf8))
        try bytes.write(to: URL(fileURLWithPath: path))
        return (path, bytes)
    }

    @Test func happyPathCreatesPollsAndDownloads() throws {
        let api = try FakeExportAPI(scenario: "happy")
        let out = api.directory.appendingPathComponent("export.csv.gz").path
        let run = try api.fetch(["--output", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.contents(atPath: out) == Self.fixture)
        let requests = try api.requests()
        #expect(requests.map { "\($0.method) \($0.path)" } == [
            "POST \(Self.createPath)",
            "GET \(Self.pollPath("exp_happy"))", "GET \(Self.pollPath("exp_happy"))", "GET \(Self.pollPath("exp_happy"))",
            "GET \(Self.pollPath("exp_happy"))/download",
        ])
        Self.expectAPIRequests(requests, api)
        #expect(requests[0].headers["content-type"] == "application/json")
        let body = try #require(requests[0].body as? [String: Any])
        #expect(body["scope"] as? [String: String] == ["orgTreeName": "Engineering", "orgIdentifier": "org&1 x",
                                                        "projectIdentifier": "proj+1"])
        #expect(body["dateRange"] as? [String: String] == ["start": "2026-01-01", "end": "2026-03-31"])
        #expect(body["options"] as? [String: String] == ["granularity": "MONTHLY"])
        #expect(body["metricGroups"] == nil)
        // One line per status, in order, each with its elapsed time; then the summary.
        let statusLines = run.stderrLines.filter { $0.hasPrefix("export exp_happy: ") }
        #expect(statusLines.map { $0.split(separator: " ")[2] } == ["QUEUED", "PROCESSING", "COMPLETED"])
        #expect(statusLines.allSatisfy { $0.hasSuffix(" s)") })
        #expect(run.stderrLines.last?.hasPrefix("wrote \(out): 7333 bytes, 182 rows, 14 teams") == true)
        #expect(try api.leftovers().isEmpty)
        Self.expectNoKey(run, api)
    }

    @Test func rateLimitWithRetryAfterThenSuccess() throws {
        let api = try FakeExportAPI(scenario: "rate-limited")
        let out = api.directory.appendingPathComponent("export.csv.gz").path
        let run = try api.fetch(["--output", out])
        #expect(run.status == 0, "\(run.stderr)")
        let requests = try api.requests()
        // Two 429s (Retry-After in seconds, then as an HTTP date), then the job is created once.
        #expect(requests.filter { $0.method == "POST" }.count == 3)
        #expect(requests.count == 5)
        #expect(run.stderrLines.contains("429 Too Many Requests: Too many requests (creating the export); retrying in 2 s (retry 1 of 5)"))
        #expect(FileManager.default.contents(atPath: out) == Self.fixture)
        Self.expectAPIRequests(requests, api)
        Self.expectNoKey(run, api)
    }

    @Test func serviceUnavailableWhilePollingIsRetried() throws {
        let api = try FakeExportAPI(scenario: "poll-503")
        let out = api.directory.appendingPathComponent("export.csv.gz").path
        let run = try api.fetch(["--output", out])
        #expect(run.status == 0, "\(run.stderr)")
        let requests = try api.requests()
        #expect(requests.filter { $0.path == Self.pollPath("exp_poll_503") }.count == 4)
        #expect(requests.filter { $0.method == "POST" }.count == 1)
        #expect(run.stderrLines.filter { $0.hasPrefix("503 Service Unavailable: Service Unavailable (polling export exp_poll_503)") }.count == 2)
        #expect(FileManager.default.contents(atPath: out) == Self.fixture)
        Self.expectNoKey(run, api)
    }

    @Test func statusesAreComparedWhateverTheirCase() throws {
        let api = try FakeExportAPI(scenario: "mixed-case")
        let out = api.directory.appendingPathComponent("export.csv.gz").path
        let run = try api.fetch(["--output", out])
        #expect(run.status == 0, "\(run.stderr)")
        // QUEUED, processing, Processing, completed: three changes, `completed` ends the wait.
        let statusLines = run.stderrLines.filter { $0.hasPrefix("export exp_mixed_case: ") }
        #expect(statusLines.map { $0.split(separator: " ")[2] } == ["QUEUED", "PROCESSING", "COMPLETED"])
        #expect(try api.requests().filter { $0.path == Self.pollPath("exp_mixed_case") }.count == 4)
        #expect(FileManager.default.contents(atPath: out) == Self.fixture)
        Self.expectNoKey(run, api)
    }

    @Test func existingExportAnswerIsUsedAsIs() throws {
        let api = try FakeExportAPI(scenario: "existing")
        let out = api.directory.appendingPathComponent("export.csv.gz").path
        let run = try api.fetch(["--output", out])
        #expect(run.status == 0, "\(run.stderr)")
        let requests = try api.requests()
        #expect(requests.map { "\($0.method) \($0.path)" } == [
            "POST \(Self.createPath)", "GET \(Self.pollPath("exp_existing"))", "GET \(Self.pollPath("exp_existing"))/download",
        ])
        #expect(run.stderrLines.first == "using existing export exp_existing: Using existing export with identical parameters")
        #expect(FileManager.default.contents(atPath: out) == Self.fixture)
        Self.expectNoKey(run, api)
    }

    @Test func flatAbsoluteDownloadUrlOnTheSameHost() throws {
        let api = try FakeExportAPI(scenario: "flat-url")
        let out = api.directory.appendingPathComponent("export.csv.gz").path
        let run = try api.fetch(["--output", out])
        #expect(run.status == 0, "\(run.stderr)")
        let requests = try api.requests()
        let download = try #require(requests.last)
        #expect(download.path == Self.pollPath("exp_flat_url") + "/download")
        // Same origin as the base URL: the key and the query go with it.
        Self.expectAPIRequests(requests, api)
        #expect(FileManager.default.contents(atPath: out) == Self.fixture)
        Self.expectNoKey(run, api)
    }

    @Test func unauthorizedIsOneLineAndNotRetried() throws {
        let api = try FakeExportAPI(scenario: "unauthorized")
        let (out, earlier) = try Self.earlierExport(in: api)
        let run = try api.fetch(["--output", out])
        #expect(run.status == 1)
        #expect(run.stderrLines == ["sprint-report: error: 401 Unauthorized: Invalid API key"])
        #expect(try api.requests().count == 1)
        #expect(FileManager.default.contents(atPath: out) == earlier)
        #expect(try api.leftovers().isEmpty)
        Self.expectNoKey(run, api)
    }

    @Test func otherClientErrorsAreNotRetried() throws {
        let api = try FakeExportAPI(scenario: "bad-request")
        let out = api.directory.appendingPathComponent("export.csv.gz").path
        let run = try api.fetch(["--output", out])
        #expect(run.status == 1)
        #expect(run.stderrLines == ["sprint-report: error: 400 Bad Request: dateRange.end must not be before dateRange.start"])
        #expect(try api.requests().count == 1)
        #expect(!FileManager.default.fileExists(atPath: out))
        Self.expectNoKey(run, api)
    }

    @Test func serverErrorsAreRetriedABoundedNumberOfTimes() throws {
        let api = try FakeExportAPI(scenario: "server-error")
        let out = api.directory.appendingPathComponent("export.csv.gz").path
        let run = try api.fetch(["--output", out])
        #expect(run.status == 1)
        #expect(run.stderrLines.last == "sprint-report: error: 500 Internal Server Error: Internal error (creating the export; gave up after 6 attempts)")
        #expect(try api.requests().count == 6)
        #expect(!FileManager.default.fileExists(atPath: out))
        Self.expectNoKey(run, api)
    }

    @Test func failedJobShowsTheServersError() throws {
        let api = try FakeExportAPI(scenario: "failed")
        let (out, earlier) = try Self.earlierExport(in: api)
        let run = try api.fetch(["--output", out])
        #expect(run.status == 1)
        #expect(run.stderrLines.last == "sprint-report: error: export exp_failed failed: Invalid orgTreeName")
        let requests = try api.requests()
        #expect(requests.map(\.path) == [Self.createPath, Self.pollPath("exp_failed")])
        #expect(FileManager.default.contents(atPath: out) == earlier)
        #expect(try api.leftovers().isEmpty)
        Self.expectNoKey(run, api)
    }

    @Test func jobThatNeverFinishesTimesOut() throws {
        let api = try FakeExportAPI(scenario: "never")
        let out = api.directory.appendingPathComponent("export.csv.gz").path
        let run = try api.fetch(["--output", out, "--timeout", "30"])
        #expect(run.status == 1)
        #expect(run.stderrLines.last == "sprint-report: error: timed out after 30 s waiting for export exp_never (last status PROCESSING)")
        let polls = try api.requests().filter { $0.path == Self.pollPath("exp_never") }.count
        // A growing interval (2, 3, 4.5, 6.75 … s) within 30 s: several polls, not one a second.
        #expect(polls >= 3 && polls <= 10, "\(polls) polls")
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(try api.leftovers().isEmpty)
        Self.expectNoKey(run, api)
    }

    @Test func downloadCutShortIsRetriedThenFailsLeavingTheEarlierFile() throws {
        let api = try FakeExportAPI(scenario: "cut-short")
        let (out, earlier) = try Self.earlierExport(in: api)
        let run = try api.fetch(["--output", out])
        #expect(run.status == 1)
        let last = try #require(run.stderrLines.last)
        #expect(last.hasPrefix("sprint-report: error: transfer closed with "))
        #expect(last.hasSuffix("(downloading export exp_cut_short; gave up after 6 attempts)"))
        #expect(try api.requests().filter { $0.path.hasSuffix("/download") }.count == 6)
        #expect(FileManager.default.contents(atPath: out) == earlier)
        #expect(try api.leftovers().isEmpty)
        Self.expectNoKey(run, api)
    }

    @Test func truncatedGzipIsRejectedByTheReader() throws {
        let api = try FakeExportAPI(scenario: "truncated-gzip")
        let (out, earlier) = try Self.earlierExport(in: api)
        let run = try api.fetch(["--output", out])
        #expect(run.status == 1)
        #expect(run.stderrLines.last?.hasPrefix(
            "sprint-report: error: the download of export exp_truncated_gzip is not a usable export: truncated gzip stream") == true)
        #expect(FileManager.default.contents(atPath: out) == earlier)
        #expect(try api.leftovers().isEmpty)
        Self.expectNoKey(run, api)
    }

    @Test func downloadThatIsNotAnExportIsRejected() throws {
        let api = try FakeExportAPI(scenario: "html")
        let out = api.directory.appendingPathComponent("export.csv.gz").path
        let run = try api.fetch(["--output", out])
        #expect(run.status == 1)
        #expect(run.stderrLines.last == "sprint-report: error: the download of export exp_html is an HTML page, not an export")
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(try api.leftovers().isEmpty)
        Self.expectNoKey(run, api)
    }

    @Test func redirectToAnotherHostDropsTheKey() throws {
        let api = try FakeExportAPI(scenario: "redirect")
        let out = api.directory.appendingPathComponent("export.csv.gz").path
        let run = try api.fetch(["--output", out])
        #expect(run.status == 0, "\(run.stderr)")
        let requests = try api.requests()
        #expect(requests.count == 4)
        let (hop1, hop2) = (requests[2], requests[3])
        #expect(hop1.host == "127.0.0.1:\(api.port)" && hop1.path.hasSuffix("/download"))
        #expect(hop1.authorization == "ApiKey \(api.key)")
        #expect(hop2.host == "localhost:\(api.port)" && hop2.path == "/storage/exp_redirect.csv.gz")
        #expect(hop2.authorization == nil)
        #expect(hop2.query == ["sig": "abc"])
        #expect(!hop2.headers.values.contains { $0.contains(api.key) })
        #expect(FileManager.default.contents(atPath: out) == Self.fixture)
        Self.expectNoKey(run, api)
    }

    @Test func absoluteDownloadUrlOnAnotherHostGetsNoKey() throws {
        let api = try FakeExportAPI(scenario: "other-host")
        let out = api.directory.appendingPathComponent("export.csv.gz").path
        let run = try api.fetch(["--output", out])
        #expect(run.status == 0, "\(run.stderr)")
        let download = try #require(try api.requests().last)
        #expect(download.host == "localhost:\(api.port)")
        #expect(download.authorization == nil)
        // A signed URL is used as given: no query added to it.
        #expect(download.query == ["sig": "abc"])
        #expect(FileManager.default.contents(atPath: out) == Self.fixture)
        Self.expectNoKey(run, api)
    }

    @Test(arguments: [String?.none, "", "  \n"])
    func noKeyMeansNoRequest(key: String?) throws {
        let api = try FakeExportAPI(scenario: "happy")
        let out = api.directory.appendingPathComponent("export.csv.gz").path
        let run = try api.fetch(["--output", out], environment: api.environment(key: .some(key)))
        #expect(run.status == 1)
        #expect(run.stderrLines == ["sprint-report: error: SEI_API_KEY is not set (or empty): set it to the Sprint Export API key; "
            + "it is read only from the environment"])
        #expect(try api.requests().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func noBaseURLMeansNoRequest() throws {
        let api = try FakeExportAPI(scenario: "happy")
        let arguments = api.commonArguments().filter { $0 != "--base-url" && $0 != api.baseURL }
        let run = try api.fetch(["--output", api.directory.appendingPathComponent("x.csv.gz").path], arguments: arguments)
        #expect(run.status == 1)
        #expect(run.stderrLines == ["sprint-report: error: no base URL: pass --base-url or set SEI_BASE_URL"])
        #expect(try api.requests().isEmpty)
        Self.expectNoKey(run, api)
    }

    @Test func keyEchoedByTheServerIsNotPrinted() throws {
        let api = try FakeExportAPI(scenario: "echo-key")
        let run = try api.fetch(["--output", api.directory.appendingPathComponent("x.csv.gz").path])
        #expect(run.status == 1)
        #expect(run.stderrLines == ["sprint-report: error: 401 Unauthorized: Invalid API key: ApiKey [SEI_API_KEY]"])
        Self.expectNoKey(run, api)
    }

    @Test func verboseShowsRequestsButNotTheKey() throws {
        let api = try FakeExportAPI(scenario: "happy")
        let run = try api.fetch(["--output", api.directory.appendingPathComponent("x.csv.gz").path, "--verbose"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderrLines.contains("> POST \(api.baseURL)/v2/insights/sprint/exports?projectIdentifier=proj%2B1&orgIdentifier=org%261%20x"))
        #expect(run.stderrLines.filter { $0 == "> authorization: ApiKey [SEI_API_KEY]" }.count == 5)
        #expect(run.stderrLines.contains("< 202 Accepted (120 bytes)"))
        Self.expectNoKey(run, api)
    }

    @Test func quietPrintsNothing() throws {
        let api = try FakeExportAPI(scenario: "happy")
        let run = try api.fetch(["--output", api.directory.appendingPathComponent("x.csv.gz").path, "--quiet"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.isEmpty)
    }

    @Test func standardOutputPipesIntoBuild() throws {
        let api = try FakeExportAPI(scenario: "happy")
        let site = api.directory.appendingPathComponent("site")
        let fetch = ([ToolProcess.binary.path] + api.commonArguments() + ["--output", "-"]).map(Self.shellQuoted)
        let build = [ToolProcess.binary.path, "build", "-", "--output", site.path].map(Self.shellQuoted)
        let script = fetch.joined(separator: " ") + " | " + build.joined(separator: " ")
        let run = try ToolProcess.run(URL(fileURLWithPath: "/bin/bash"), ["-o", "pipefail", "-c", script],
                                      environment: api.environment(), in: api.directory)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("index.html").path))
        // The staging file in TMPDIR (the test folder) is gone.
        #expect(try api.leftovers().isEmpty)
        Self.expectNoKey(run, api)
    }

    @Test func standardOutputGetsTheVerifiedBytes() throws {
        let api = try FakeExportAPI(scenario: "happy")
        let run = try api.fetch(["--output", "-"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == Self.fixture)
        #expect(run.stderrLines.last?.hasPrefix("wrote standard output: 7333 bytes") == true)
        Self.expectNoKey(run, api)
    }

    @Test func failedDownloadToStandardOutputWritesNothing() throws {
        let api = try FakeExportAPI(scenario: "truncated-gzip")
        let run = try api.fetch(["--output", "-"])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(try api.leftovers().isEmpty)
    }

    @Test func fileThatIsNotAnExportIsNotReplacedWithoutForce() throws {
        let api = try FakeExportAPI(scenario: "happy")
        let notes = api.directory.appendingPathComponent("notes.txt")
        try Data("my notes\nsecond line\n".utf8).write(to: notes)
        let refused = try api.fetch(["--output", notes.path])
        #expect(refused.status == 1)
        #expect(refused.stderrLines == ["sprint-report: error: \(notes.path) exists and is not an export (neither gzip nor CSV); "
            + "choose another --output or pass --force to replace it"])
        #expect(try api.requests().isEmpty)
        #expect(try Data(contentsOf: notes) == Data("my notes\nsecond line\n".utf8))
        let forced = try api.fetch(["--output", notes.path, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try Data(contentsOf: notes) == Self.fixture)
    }

    @Test func outputInAMissingFolderIsRefusedBeforeAnyRequest() throws {
        let api = try FakeExportAPI(scenario: "happy")
        let out = api.directory.appendingPathComponent("missing/export.csv.gz").path
        let run = try api.fetch(["--output", out])
        #expect(run.status == 1)
        #expect(run.stderrLines.last?.contains("does not exist") == true)
        #expect(try api.requests().isEmpty)
    }

    @Test func baseURLFromTheEnvironmentAndATeamWithOptions() throws {
        let api = try FakeExportAPI(scenario: "happy")
        var env = api.environment()
        env["SEI_BASE_URL"] = api.baseURL + "/"
        let out = api.directory.appendingPathComponent("export.csv.gz").path
        let run = try api.fetch([], arguments: [
            "fetch", "--project", "proj+1", "--org", "org&1 x", "--team", "team-7", "--from", "2026-01-01", "--to", "2026-03-31",
            "--granularity", "SPRINT", "--level", "sprint", "--mode", "TICKETS",
            "--metric-group", "work", "--metric-group", "deliveryAnalysis", "--simulated-clock", "--output", out,
        ], environment: env)
        #expect(run.status == 0, "\(run.stderr)")
        let requests = try api.requests()
        #expect(requests.first?.path == Self.createPath)
        let body = try #require(requests.first?.body as? [String: Any])
        #expect(body["scope"] as? [String: String] == ["teamId": "team-7", "orgIdentifier": "org&1 x", "projectIdentifier": "proj+1"])
        #expect(body["options"] as? [String: String] == ["granularity": "SPRINT", "metricLevel": "sprint", "computationMode": "TICKETS"])
        #expect(body["metricGroups"] as? [String] == ["work", "deliveryAnalysis"])
        Self.expectAPIRequests(requests, api)
        Self.expectNoKey(run, api)
    }

    @Test func helpDocumentsTheCommand() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try ToolProcess.run(ToolProcess.binary, ["fetch", "--help"], environment: ToolProcess.cleanEnvironment(), in: dir)
        #expect(run.status == 0)
        for word in ["SEI_API_KEY", "SEI_BASE_URL", "--base-url", "--project", "--org", "--team", "--org-tree", "--from", "--to",
                     "--granularity", "--level", "--mode", "--metric-group", "--timeout", "--output", "--quiet", "--verbose",
                     "--force", "Retry-After", "sprint-report build - --output site"] {
            #expect(run.stdoutText.contains(word), "\(word)")
        }
        // The test-only option is not advertised.
        #expect(!run.stdoutText.contains("simulated"))
    }

    static func shellQuoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
