--
-- Name: Idx "odd"; Type: INDEX; Schema: Sales; Owner: postgres
--

CREATE INDEX "Idx ""odd""" ON "Sales"."Order Items" USING btree (qty);


