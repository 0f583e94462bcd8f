using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Planning.Server.Data.Migrations
{
    /// <inheritdoc />
    public partial class ScenariosAndRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "scenarios",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    settings_json = table.Column<string>(type: "jsonb", nullable: false),
                    changes_json = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scenarios", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    scenario_id = table.Column<Guid>(type: "uuid", nullable: true),
                    mode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    error = table.Column<string>(type: "text", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    input_json = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_runs", x => x.id);
                    table.ForeignKey(
                        name: "fk_runs_scenarios_scenario_id",
                        column: x => x.scenario_id,
                        principalTable: "scenarios",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "run_assignments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    term = table.Column<string>(type: "text", nullable: false),
                    area_code = table.Column<string>(type: "text", nullable: false),
                    part = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    school_code = table.Column<string>(type: "text", nullable: false),
                    share = table.Column<double>(type: "double precision", nullable: false),
                    distance_m = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_run_assignments", x => x.id);
                    table.ForeignKey(
                        name: "fk_run_assignments_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "run_catchments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    term = table.Column<string>(type: "text", nullable: false),
                    part = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    school_code = table.Column<string>(type: "text", nullable: false),
                    areas = table.Column<int>(type: "integer", nullable: false),
                    parts = table.Column<int>(type: "integer", nullable: false),
                    boundary = table.Column<Geometry>(type: "geometry (geometry, 4326)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_run_catchments", x => x.id);
                    table.ForeignKey(
                        name: "fk_run_catchments_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "run_placements",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    term = table.Column<string>(type: "text", nullable: false),
                    area_code = table.Column<string>(type: "text", nullable: true),
                    grade = table.Column<int>(type: "integer", nullable: false),
                    school_code = table.Column<string>(type: "text", nullable: false),
                    students = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_run_placements", x => x.id);
                    table.ForeignKey(
                        name: "fk_run_placements_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "run_schools",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    term = table.Column<string>(type: "text", nullable: false),
                    school_code = table.Column<string>(type: "text", nullable: false),
                    open = table.Column<bool>(type: "boolean", nullable: false),
                    students = table.Column<int>(type: "integer", nullable: false),
                    size_limit = table.Column<int>(type: "integer", nullable: false),
                    primary_tracks = table.Column<int>(type: "integer", nullable: false),
                    junior_tracks = table.Column<int>(type: "integer", nullable: false),
                    enrolment = table.Column<int[]>(type: "integer[]", nullable: false),
                    classes = table.Column<int[]>(type: "integer[]", nullable: false),
                    largest_class = table.Column<int[]>(type: "integer[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_run_schools", x => x.id);
                    table.ForeignKey(
                        name: "fk_run_schools_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "run_terms",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    term_index = table.Column<int>(type: "integer", nullable: false),
                    term = table.Column<string>(type: "text", nullable: false),
                    students = table.Column<int>(type: "integer", nullable: false),
                    schools_over_size = table.Column<int>(type: "integer", nullable: false),
                    grades_over_class_limit = table.Column<int>(type: "integer", nullable: false),
                    seats_short = table.Column<int>(type: "integer", nullable: false),
                    students_moved = table.Column<int>(type: "integer", nullable: false),
                    mean_distance_m = table.Column<double>(type: "double precision", nullable: false),
                    max_distance_m = table.Column<double>(type: "double precision", nullable: false),
                    optimality_gap = table.Column<double>(type: "double precision", nullable: false),
                    solve_seconds = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_run_terms", x => x.id);
                    table.ForeignKey(
                        name: "fk_run_terms_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "run_violations",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    term = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    school_code = table.Column<string>(type: "text", nullable: true),
                    grade = table.Column<int>(type: "integer", nullable: false),
                    students = table.Column<int>(type: "integer", nullable: false),
                    limit = table.Column<int>(type: "integer", nullable: false),
                    excess = table.Column<int>(type: "integer", nullable: false),
                    area_codes = table.Column<string[]>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_run_violations", x => x.id);
                    table.ForeignKey(
                        name: "fk_run_violations_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_run_assignments_run_id_term",
                table: "run_assignments",
                columns: new[] { "run_id", "term" });

            migrationBuilder.CreateIndex(
                name: "ix_run_catchments_boundary",
                table: "run_catchments",
                column: "boundary")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_run_catchments_run_id_term_part",
                table: "run_catchments",
                columns: new[] { "run_id", "term", "part" });

            migrationBuilder.CreateIndex(
                name: "ix_run_placements_run_id_term",
                table: "run_placements",
                columns: new[] { "run_id", "term" });

            migrationBuilder.CreateIndex(
                name: "ix_run_schools_run_id_term_school_code",
                table: "run_schools",
                columns: new[] { "run_id", "term", "school_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_run_terms_run_id_term_index",
                table: "run_terms",
                columns: new[] { "run_id", "term_index" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_run_violations_run_id_term",
                table: "run_violations",
                columns: new[] { "run_id", "term" });

            migrationBuilder.CreateIndex(
                name: "ix_runs_scenario_id",
                table: "runs",
                column: "scenario_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "run_assignments");

            migrationBuilder.DropTable(
                name: "run_catchments");

            migrationBuilder.DropTable(
                name: "run_placements");

            migrationBuilder.DropTable(
                name: "run_schools");

            migrationBuilder.DropTable(
                name: "run_terms");

            migrationBuilder.DropTable(
                name: "run_violations");

            migrationBuilder.DropTable(
                name: "runs");

            migrationBuilder.DropTable(
                name: "scenarios");
        }
    }
}
