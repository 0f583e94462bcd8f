using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Planning.Server.Data.Migrations
{
    /// <inheritdoc />
    public partial class Cluster : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Orleans' membership, grain state and reminder tables, from its own PostgreSQL scripts.
            foreach (var script in OrleansTables.CreateScripts())
            {
                migrationBuilder.Sql(script);
            }

            migrationBuilder.AddColumn<int>(
                name: "attempt",
                table: "runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "key_id",
                table: "runs",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "node",
                table: "runs",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "started_by",
                table: "runs",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "ix_runs_status_key_id",
                table: "runs",
                columns: new[] { "status", "key_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(OrleansTables.DropScript);

            migrationBuilder.DropIndex(
                name: "ix_runs_status_key_id",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "attempt",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "key_id",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "node",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "started_by",
                table: "runs");
        }
    }
}
