--
-- Name: from_qty; Type: INDEX; Schema: Sales; Owner: postgres
--

CREATE UNIQUE INDEX from_qty ON "Sales"."Order Items" USING btree ("from", qty);


