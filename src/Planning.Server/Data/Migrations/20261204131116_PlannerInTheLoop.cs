using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Planning.Server.Data.Migrations
{
    /// <inheritdoc />
    public partial class PlannerInTheLoop : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "bound_kind",
                table: "run_terms",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "bound_method",
                table: "run_terms",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<double>(
                name: "bound_seconds",
                table: "run_terms",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<string>(
                name: "breakdown",
                table: "run_terms",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "constraint_issues",
                table: "run_terms",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "enclaves",
                table: "run_terms",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<double>(
                name: "lower_bound",
                table: "run_terms",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<long>(
                name: "minimum_overflow_bound",
                table: "run_terms",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<double>(
                name: "objective",
                table: "run_terms",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<long>(
                name: "overflow_pupils",
                table: "run_terms",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "solve_method",
                table: "run_terms",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "enclaves",
                table: "run_catchments",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'[]'::jsonb");

            migrationBuilder.CreateTable(
                name: "area_adjacency",
                columns: table => new
                {
                    area_id = table.Column<long>(type: "bigint", nullable: false),
                    neighbour_id = table.Column<long>(type: "bigint", nullable: false),
                    gap_m = table.Column<double>(type: "double precision", nullable: false),
                    frontage_m = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_area_adjacency", x => new { x.area_id, x.neighbour_id });
                    table.CheckConstraint("ck_area_adjacency_order", "area_id < neighbour_id");
                    table.ForeignKey(
                        name: "fk_area_adjacency_residential_areas_area_id",
                        column: x => x.area_id,
                        principalTable: "residential_areas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_area_adjacency_residential_areas_neighbour_id",
                        column: x => x.neighbour_id,
                        principalTable: "residential_areas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "run_constraint_issues",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    term = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    change_index = table.Column<int>(type: "integer", nullable: false),
                    area_code = table.Column<string>(type: "text", nullable: true),
                    school_code = table.Column<string>(type: "text", nullable: false),
                    part = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    grade = table.Column<int>(type: "integer", nullable: false),
                    students = table.Column<int>(type: "integer", nullable: false),
                    limit = table.Column<int>(type: "integer", nullable: false),
                    message = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_run_constraint_issues", x => x.id);
                    table.ForeignKey(
                        name: "fk_run_constraint_issues_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_area_adjacency_neighbour_id",
                table: "area_adjacency",
                column: "neighbour_id");

            migrationBuilder.CreateIndex(
                name: "ix_run_constraint_issues_run_id_term",
                table: "run_constraint_issues",
                columns: new[] { "run_id", "term" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "area_adjacency");

            migrationBuilder.DropTable(
                name: "run_constraint_issues");

            migrationBuilder.DropColumn(
                name: "bound_kind",
                table: "run_terms");

            migrationBuilder.DropColumn(
                name: "bound_method",
                table: "run_terms");

            migrationBuilder.DropColumn(
                name: "bound_seconds",
                table: "run_terms");

            migrationBuilder.DropColumn(
                name: "breakdown",
                table: "run_terms");

            migrationBuilder.DropColumn(
                name: "constraint_issues",
                table: "run_terms");

            migrationBuilder.DropColumn(
                name: "enclaves",
                table: "run_terms");

            migrationBuilder.DropColumn(
                name: "lower_bound",
                table: "run_terms");

            migrationBuilder.DropColumn(
                name: "minimum_overflow_bound",
                table: "run_terms");

            migrationBuilder.DropColumn(
                name: "objective",
                table: "run_terms");

            migrationBuilder.DropColumn(
                name: "overflow_pupils",
                table: "run_terms");

            migrationBuilder.DropColumn(
                name: "solve_method",
                table: "run_terms");

            migrationBuilder.DropColumn(
                name: "enclaves",
                table: "run_catchments");
        }
    }
}
