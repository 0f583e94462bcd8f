using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Planning.Server.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialDataset : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:postgis", ",,");

            migrationBuilder.CreateTable(
                name: "admin_areas",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    population = table.Column<long>(type: "bigint", nullable: false),
                    approximate = table.Column<bool>(type: "boolean", nullable: false),
                    boundary = table.Column<MultiPolygon>(type: "geometry (multipolygon, 4326)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_admin_areas", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "dataset_imports",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dataset_imports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "districts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    population = table.Column<long>(type: "bigint", nullable: false),
                    boundary = table.Column<MultiPolygon>(type: "geometry (multipolygon, 4326)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_districts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "schools",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    admin_area_id = table.Column<long>(type: "bigint", nullable: false),
                    location = table.Column<Point>(type: "geometry (point, 4326)", nullable: false),
                    enrolment = table.Column<int[]>(type: "integer[]", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_schools", x => x.id);
                    table.CheckConstraint("ck_schools_enrolment", "cardinality(enrolment) = 9 AND 0 <= ALL(enrolment)");
                    table.ForeignKey(
                        name: "fk_schools_admin_areas_admin_area_id",
                        column: x => x.admin_area_id,
                        principalTable: "admin_areas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "residential_areas",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    admin_area_id = table.Column<long>(type: "bigint", nullable: false),
                    boundary = table.Column<MultiPolygon>(type: "geometry (multipolygon, 4326)", nullable: false),
                    centroid = table.Column<Point>(type: "geometry (point, 4326)", nullable: false),
                    population = table.Column<int>(type: "integer", nullable: false),
                    households = table.Column<int>(type: "integer", nullable: false),
                    occupied_from = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    occupancy_ramp = table.Column<double[]>(type: "double precision[]", nullable: true),
                    students = table.Column<int[]>(type: "integer[]", nullable: true),
                    school_primary_id = table.Column<long>(type: "bigint", nullable: true),
                    school_junior_id = table.Column<long>(type: "bigint", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_residential_areas", x => x.id);
                    table.CheckConstraint("ck_residential_areas_counts", "population >= 0 AND households >= 0");
                    table.CheckConstraint("ck_residential_areas_students", "students IS NULL OR (cardinality(students) = 9 AND 0 <= ALL(students))");
                    table.ForeignKey(
                        name: "fk_residential_areas_admin_areas_admin_area_id",
                        column: x => x.admin_area_id,
                        principalTable: "admin_areas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_residential_areas_schools_school_junior_id",
                        column: x => x.school_junior_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_residential_areas_schools_school_primary_id",
                        column: x => x.school_primary_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "school_capacity",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    school_id = table.Column<long>(type: "bigint", nullable: false),
                    from_term = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    primary_tracks = table.Column<int>(type: "integer", nullable: false),
                    junior_tracks = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_school_capacity", x => x.id);
                    table.CheckConstraint("ck_school_capacity_tracks", "primary_tracks >= 0 AND junior_tracks >= 0");
                    table.ForeignKey(
                        name: "fk_school_capacity_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "school_resources",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    school_id = table.Column<long>(type: "bigint", nullable: false),
                    part = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    from_term = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    teachers_degree = table.Column<double>(type: "double precision", nullable: false),
                    teachers_backbone = table.Column<double>(type: "double precision", nullable: false),
                    teachers_pe_art = table.Column<double>(type: "double precision", nullable: false),
                    floor_area_m2 = table.Column<double>(type: "double precision", nullable: false),
                    sports_area_m2 = table.Column<double>(type: "double precision", nullable: false),
                    equipment_value_yuan = table.Column<double>(type: "double precision", nullable: false),
                    multimedia_rooms = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_school_resources", x => x.id);
                    table.ForeignKey(
                        name: "fk_school_resources_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_admin_areas_boundary",
                table: "admin_areas",
                column: "boundary")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_admin_areas_code",
                table: "admin_areas",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_districts_boundary",
                table: "districts",
                column: "boundary")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_districts_code",
                table: "districts",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_residential_areas_admin_area_id",
                table: "residential_areas",
                column: "admin_area_id");

            migrationBuilder.CreateIndex(
                name: "ix_residential_areas_boundary",
                table: "residential_areas",
                column: "boundary")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_residential_areas_code",
                table: "residential_areas",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_residential_areas_school_junior_id",
                table: "residential_areas",
                column: "school_junior_id");

            migrationBuilder.CreateIndex(
                name: "ix_residential_areas_school_primary_id",
                table: "residential_areas",
                column: "school_primary_id");

            migrationBuilder.CreateIndex(
                name: "ix_school_capacity_school_id_from_term",
                table: "school_capacity",
                columns: new[] { "school_id", "from_term" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_school_resources_school_id_part_from_term",
                table: "school_resources",
                columns: new[] { "school_id", "part", "from_term" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_schools_admin_area_id",
                table: "schools",
                column: "admin_area_id");

            migrationBuilder.CreateIndex(
                name: "ix_schools_code",
                table: "schools",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_schools_location",
                table: "schools",
                column: "location")
                .Annotation("Npgsql:IndexMethod", "gist");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dataset_imports");

            migrationBuilder.DropTable(
                name: "districts");

            migrationBuilder.DropTable(
                name: "residential_areas");

            migrationBuilder.DropTable(
                name: "school_capacity");

            migrationBuilder.DropTable(
                name: "school_resources");

            migrationBuilder.DropTable(
                name: "schools");

            migrationBuilder.DropTable(
                name: "admin_areas");
        }
    }
}
