#!/usr/bin/python3
"""A Python client of the planning.v1 contract, built only from proto/ and Debian's gRPC.

Usage: planning_client.py STUBS ADDRESS API_KEY BAD_SCHOOLS_GEOJSON

STUBS is a folder of modules generated from proto/ (planning/v1 with python3-grpc-tools,
google/rpc with protoc). The script lists every school, then sends a replacing import whose
schools layer is BAD_SCHOOLS_GEOJSON and decodes the google.rpc.BadRequest of the refusal.
It prints one JSON object: {"schools": [...codes...], "total_count": N,
"import_status": "INVALID_ARGUMENT", "violations": [{"field": ..., "description": ...}]}.
"""
import json
import sys

sys.path.insert(0, sys.argv[1])

import grpc  # noqa: E402
from google.rpc import error_details_pb2, status_pb2  # noqa: E402
from planning.v1 import common_pb2, dataset_pb2, dataset_pb2_grpc, schools_pb2, schools_pb2_grpc  # noqa: E402


def main(address, api_key, bad_schools_path):
    metadata = (("authorization", f"Bearer {api_key}"),)
    with grpc.insecure_channel(address) as channel:
        schools = schools_pb2_grpc.SchoolServiceStub(channel)
        codes, token, total = [], "", 0
        while True:
            page = schools.ListSchools(
                schools_pb2.ListSchoolsRequest(page=common_pb2.PageRequest(page_size=2, page_token=token)),
                metadata=metadata, timeout=30)
            codes.extend(s.code for s in page.schools)
            total = page.page.total_count
            token = page.page.next_page_token
            if not token:
                break

        with open(bad_schools_path, "rb") as f:
            data = f.read()
        dataset = dataset_pb2_grpc.DatasetServiceStub(channel)
        chunks = [dataset_pb2.ImportDatasetRequest(mode=dataset_pb2.IMPORT_MODE_APPEND, layer=dataset_pb2.LAYER_SCHOOLS, data=data)]
        result = {"schools": codes, "total_count": total}
        try:
            dataset.ImportDataset(iter(chunks), metadata=metadata, timeout=30)
            result["import_status"] = "OK"
        except grpc.RpcError as error:
            result["import_status"] = error.code().name
            result["violations"] = bad_request(error)
    print(json.dumps(result, ensure_ascii=False))


def bad_request(error):
    """The field violations of the google.rpc.Status in the trailers (grpc-status-details-bin)."""
    for key, value in error.trailing_metadata() or ():
        if key == "grpc-status-details-bin":
            status = status_pb2.Status.FromString(value)
            for detail in status.details:
                if detail.Is(error_details_pb2.BadRequest.DESCRIPTOR):
                    bad = error_details_pb2.BadRequest()
                    detail.Unpack(bad)
                    return [{"field": v.field, "description": v.description} for v in bad.field_violations]
    return []


if __name__ == "__main__":
    main(*sys.argv[2:5])
