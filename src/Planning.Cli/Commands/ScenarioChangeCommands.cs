using System.CommandLine;
using Planning.Client.Api;
using Planning.Cli.Output;

namespace Planning.Cli.Commands;

/// <summary>planning scenarios open-school|close-school|expand-school|add-area|add-resources: append changes.</summary>
internal static class ScenarioChangeCommands
{
    public static IEnumerable<Command> Create(CommandActions actions) =>
        [OpenSchool(actions), CloseSchool(actions), ExpandSchool(actions), AddArea(actions), AddResources(actions)];

    private static Argument<string> ScenarioArgument() => new("scenario") { Description = "Scenario id" };

    private static Argument<string> SchoolArgument() => new("school") { Description = "School code" };

    private static Option<string?> From(string what) => OptionFactory.Term("--from", $"First term {what}", required: true);

    private static Option<int> Tracks(string name, string description)
    {
        var option = new Option<int>(name) { Description = description, HelpName = "N" };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 30)
            {
                r.AddError($"{name} must be between 0 and 30");
            }
        });
        return option;
    }

    private static Command OpenSchool(CommandActions actions)
    {
        var scenario = ScenarioArgument();
        var code = new Option<string>("--code") { Description = "New school code", Required = true };
        var name = new Option<string>("--name") { Description = "Chinese name", Required = true };
        var level = OptionFactory.Choice("--level", "Grades taught", Names.Levels);
        level.Required = true;
        var adminArea = new Option<string>("--admin-area") { Description = "Street or town code", Required = true, HelpName = "CODE" };
        var lon = new Option<double>("--lon") { Description = "Longitude of the gate (WGS84)", Required = true };
        var lat = new Option<double>("--lat") { Description = "Latitude of the gate (WGS84)", Required = true };
        var from = From("the school takes pupils");
        var primary = Tracks("--primary-tracks", "Classes per grade in grades 1–6");
        var junior = Tracks("--junior-tracks", "Classes per grade in grades 7–9");
        var command = new Command("open-school", "Add a new school to a scenario")
        {
            scenario, code, name, level, adminArea, lon, lat, from, primary, junior,
        };
        actions.Bind(command, run =>
        {
            var school = new School(0, run.Value(code)!, run.Value(name)!, run.Value(level)!.Value, SchoolKind.New,
                run.Value(adminArea)!, run.Value(lon), run.Value(lat),
                [new CapacityStep(run.Value(from)!, run.Value(primary), run.Value(junior))], [], new int[9], 0);
            return AppendAsync(run, run.Value(scenario), [new OpenSchool(school)]);
        });
        return command;
    }

    private static Command CloseSchool(CommandActions actions)
    {
        var scenario = ScenarioArgument();
        var school = SchoolArgument();
        var from = From("the school takes no pupils");
        var command = new Command("close-school", "Close a school from a term on; its pupils are redistributed") { scenario, school, from };
        actions.Bind(command, run =>
            AppendAsync(run, run.Value(scenario), [new CloseSchool(run.Value(school), run.Value(from)!)]));
        return command;
    }

    private static Command ExpandSchool(CommandActions actions)
    {
        var scenario = ScenarioArgument();
        var school = SchoolArgument();
        var from = From("the added tracks apply");
        var primary = Tracks("--primary-tracks", "Classes per grade added in grades 1–6");
        var junior = Tracks("--junior-tracks", "Classes per grade added in grades 7–9");
        var command = new Command("expand-school", "Add tracks to a school from a term on") { scenario, school, from, primary, junior };
        actions.Bind(command, run =>
        {
            if (run.Value(primary) == 0 && run.Value(junior) == 0)
            {
                throw new UsageException("give --primary-tracks or --junior-tracks (or both)");
            }
            return AppendAsync(run, run.Value(scenario),
                [new ExpandSchool(run.Value(school), run.Value(from)!, run.Value(primary), run.Value(junior))]);
        });
        return command;
    }

    private static Command AddArea(CommandActions actions)
    {
        var scenario = ScenarioArgument();
        var feature = new Argument<string>("geojson-file")
        {
            Description = "A GeoJSON Feature or FeatureCollection of compounds or villages with the properties of residential_areas.geojson "
                          + "(docs/dataset-format.md)",
        };
        var command = new Command("add-area", "Add planned residential compounds or villages to a scenario") { scenario, feature };
        actions.Bind(command, run =>
        {
            IReadOnlyList<ResidentialArea> areas;
            try
            {
                areas = AreaFeatures.Read(run.Value(feature));
            }
            catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or FileNotFoundException)
            {
                throw new UsageException(e.Message);
            }
            return AppendAsync(run, run.Value(scenario), [.. areas.Select(a => new AddResidentialArea(a))]);
        });
        return command;
    }

    private static Command AddResources(CommandActions actions)
    {
        var scenario = ScenarioArgument();
        var school = SchoolArgument();
        var part = OptionFactory.Choice("--part", "The school part (default primary)", Names.Parts);
        var from = From("the resources are in place");
        var amounts = new (string Name, string Description)[]
        {
            ("--teachers-degree", "Teachers with above-required degree"), ("--teachers-backbone", "Backbone teachers"),
            ("--teachers-pe-art", "PE, music and fine-art teachers"), ("--floor-area", "Teaching floor area, m²"),
            ("--sports-area", "Sports ground and hall area, m²"), ("--equipment", "Teaching equipment value, yuan"),
            ("--multimedia-rooms", "Networked multimedia classrooms"),
        }.Select(a => new Option<double>(a.Name) { Description = a.Description + " added", HelpName = "N" }).ToList();
        var command = new Command("add-resources", "Add resources to a school part from a term on (increments: teachers hired, equipment bought)")
        {
            scenario, school, part, from,
        };
        amounts.ForEach(command.Options.Add);
        actions.Bind(command, run =>
        {
            var v = amounts.Select(a => run.Value(a)).ToArray();
            if (v.All(x => x == 0))
            {
                throw new UsageException("give at least one amount, e.g. --teachers-pe-art 3");
            }
            if (v.Any(x => x < 0))
            {
                throw new UsageException("amounts are increments and cannot be negative");
            }
            var added = new SchoolResources(run.Value(part) ?? SchoolPart.Primary, run.Value(from)!, v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
            return AppendAsync(run, run.Value(scenario), [new AddResources(run.Value(school), added)]);
        });
        return command;
    }

    /// <summary>Reads the scenario's version and appends the changes (all or none).</summary>
    private static async Task<int> AppendAsync(Invocation run, string scenarioId, IReadOnlyList<ScenarioChange> changes)
    {
        var scenario = await run.Client.GetScenarioAsync(scenarioId, run.Cancellation);
        var updated = await run.Client.AddScenarioChangesAsync(scenario.Id, changes, scenario.Version, run.Cancellation);
        await ScenarioCommands.WriteAsync(run, updated);
        return ExitCodes.Ok;
    }
}
